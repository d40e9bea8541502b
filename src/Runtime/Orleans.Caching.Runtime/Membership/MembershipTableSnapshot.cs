namespace Orleans.Caching.Runtime;

/// <summary>The whole membership table at one version: the totally ordered views every silo and client agree on.</summary>
/// <param name="Version">The table version; every mutation except IAmAlive increments it by one.</param>
/// <param name="Entries">The rows.</param>
public sealed record MembershipTableSnapshot(long Version, IReadOnlyList<MembershipEntry> Entries)
{
    /// <summary>Gets an empty table at version 0.</summary>
    public static MembershipTableSnapshot Empty { get; } = new(0, []);

    /// <summary>Finds a silo's row.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public MembershipEntry? Find(SiloAddress silo)
    {
        foreach (MembershipEntry entry in Entries)
        {
            if (entry.Silo.Equals(silo))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Gets the active silos, ordered by address (the placement view).</summary>
    /// <returns>The active silos.</returns>
    public IReadOnlyList<SiloAddress> ActiveSilos()
        => Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).Order().ToArray();
}
