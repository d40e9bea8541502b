namespace Orleans.Caching.Runtime;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: each grain is owned by the silo whose combined hash with the grain's is
/// largest. Clients and silos compute it from the same membership view, so a client sends each call straight to the owner.
/// Adding a silo moves only the grains the new silo now wins; removing one moves only the grains it owned.
/// </summary>
public static class RendezvousPlacement
{
    /// <summary>Chooses the owner of a grain among <paramref name="silos"/>.</summary>
    /// <param name="grain">The grain.</param>
    /// <param name="silos">The active silos of one membership version.</param>
    /// <returns>The owner, or <see langword="null"/> if there is no silo.</returns>
    public static SiloAddress? SelectOwner(in GrainId grain, IReadOnlyList<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        SiloAddress? best = null;
        ulong bestScore = 0;
        for (int i = 0; i < silos.Count; i++)
        {
            SiloAddress silo = silos[i];
            ulong score = Score(grain.UniformHash, silo.UniformHash);
            if (best is null || score > bestScore || (score == bestScore && silo.CompareTo(best) < 0))
            {
                best = silo;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>The weight of a grain on a silo.</summary>
    /// <param name="grainHash">The grain's uniform hash.</param>
    /// <param name="siloHash">The silo's uniform hash.</param>
    /// <returns>The weight; the largest wins.</returns>
    internal static ulong Score(ulong grainHash, ulong siloHash) => StableHash.Combine(grainHash, siloHash);
}
