namespace Orleans.Caching.Runtime;

/// <summary>Rules every membership-table provider enforces.</summary>
public static class MembershipRules
{
    /// <summary>Checks that a silo's status moves only forward (or stays).</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="current">The status in the table (<see cref="SiloStatus.None"/> if no row).</param>
    /// <param name="next">The status being written.</param>
    /// <exception cref="ArgumentException">The status would move backwards, or out of Dead.</exception>
    public static void CheckTransition(SiloAddress silo, SiloStatus current, SiloStatus next)
    {
        if (next < current || next == SiloStatus.None)
        {
            throw new ArgumentException($"Silo {silo} cannot go from {current} to {next}: membership statuses only move forward (Joining → Active → ShuttingDown → Dead).", nameof(next));
        }
    }
}
