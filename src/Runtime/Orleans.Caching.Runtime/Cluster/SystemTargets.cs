namespace Orleans.Caching.Runtime;

/// <summary>
/// System targets: per-silo service objects addressed like grains, for operations that are not one grain's (batches grouped by owner,
/// clear). Their grain type starts with <c>sys.</c> and their key is the text of the <see cref="SiloAddress"/> that must run the call,
/// so clients send them to that silo instead of placing them by hash; the silo runs them directly, outside the activation catalog.
/// </summary>
public static class SystemTargets
{
    /// <summary>The grain-type prefix of system targets.</summary>
    public const string TypePrefix = "sys.";

    /// <summary>Tells whether a grain type is a system target's.</summary>
    /// <param name="type">The grain type.</param>
    /// <returns><see langword="true"/> if it names a system target.</returns>
    public static bool IsSystemTarget(GrainType type) => type.Name.StartsWith(TypePrefix, StringComparison.Ordinal);

    /// <summary>The identity of a system target on one silo.</summary>
    /// <param name="type">The system target's type (starting with <see cref="TypePrefix"/>).</param>
    /// <param name="silo">The silo that must run the call.</param>
    /// <returns>The grain id.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a system target type.</exception>
    public static GrainId ForSilo(GrainType type, SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!IsSystemTarget(type))
        {
            throw new ArgumentException($"'{type}' is not a system target type (it must start with '{TypePrefix}').", nameof(type));
        }

        return new GrainId(type, silo.ToString());
    }

    /// <summary>Reads the silo a system target call is addressed to.</summary>
    /// <param name="target">The system target's grain id.</param>
    /// <param name="silo">The silo.</param>
    /// <returns><see langword="true"/> if the id is a system target with a valid silo address.</returns>
    public static bool TryGetSilo(in GrainId target, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiloAddress? silo)
    {
        silo = null;
        if (!IsSystemTarget(target.Type))
        {
            return false;
        }

        try
        {
            silo = SiloAddress.Parse(target.Key);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
