namespace Orleans.Caching.Runtime;

/// <summary>
/// One version of the membership table as silos and clients route by it: the snapshot plus its Active silos in placement order.
/// Immutable; a newer version replaces it whole.
/// </summary>
public sealed class MembershipView
{
    private readonly SiloAddress[] _active;

    /// <summary>Initializes a new instance of the <see cref="MembershipView"/> class.</summary>
    /// <param name="snapshot">The table.</param>
    public MembershipView(MembershipTableSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        _active = [.. snapshot.ActiveSilos()];
    }

    /// <summary>Gets an empty view (version 0, no silo).</summary>
    public static MembershipView Empty { get; } = new(MembershipTableSnapshot.Empty);

    /// <summary>Gets the table version.</summary>
    public long Version => Snapshot.Version;

    /// <summary>Gets the table.</summary>
    public MembershipTableSnapshot Snapshot { get; }

    /// <summary>Gets the Active silos, ordered by address.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos => _active;

    /// <summary>Chooses the owner of a grain: rendezvous hashing over the Active silos.</summary>
    /// <param name="grain">The grain.</param>
    /// <returns>The owner, or <see langword="null"/> if no silo is Active.</returns>
    public SiloAddress? SelectOwner(in GrainId grain) => RendezvousPlacement.SelectOwner(grain, _active);

    /// <summary>Gets a silo's status in this view.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>Its status, or <see cref="SiloStatus.None"/> if it has no row.</returns>
    public SiloStatus GetStatus(SiloAddress silo) => Snapshot.Find(silo)?.Status ?? SiloStatus.None;

    /// <summary>Tells whether a silo is Active in this view.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns><see langword="true"/> if Active.</returns>
    public bool IsActive(SiloAddress silo) => Array.BinarySearch(_active, silo) >= 0;

    /// <inheritdoc/>
    public override string ToString() => $"v{Version} ({_active.Length} active)";
}
