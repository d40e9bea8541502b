namespace Orleans.Caching.Runtime;

/// <summary>A silo's status in the membership table. It only moves forward: Joining → Active → ShuttingDown → Dead (Dead is terminal).</summary>
public enum SiloStatus
{
    /// <summary>No status (not in the table).</summary>
    None = 0,

    /// <summary>Started, checking it can reach every active silo; owns no grains yet.</summary>
    Joining = 1,

    /// <summary>Serving: owns the grains rendezvous hashing assigns it.</summary>
    Active = 2,

    /// <summary>Stopping gracefully: redirects new calls, flushes, then becomes Dead.</summary>
    ShuttingDown = 3,

    /// <summary>Stopped or declared dead by its peers; a silo that reads itself Dead stops.</summary>
    Dead = 4,
}
