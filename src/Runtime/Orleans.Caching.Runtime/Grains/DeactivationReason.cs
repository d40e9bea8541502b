namespace Orleans.Caching.Runtime;

/// <summary>Why an activation ends.</summary>
public enum DeactivationReason
{
    /// <summary>Idle longer than the collection age.</summary>
    Idle,

    /// <summary>Evicted to keep the silo under its memory budget.</summary>
    MemoryPressure,

    /// <summary>The grain asked for it (<see cref="IGrainContext.DeactivateOnIdle"/>).</summary>
    Requested,

    /// <summary>Storage reported a conflicting write (<see cref="InconsistentStateException"/>).</summary>
    InconsistentState,

    /// <summary>The cache was cleared.</summary>
    Cleared,

    /// <summary>The silo no longer owns the grain after a membership change.</summary>
    OwnershipChanged,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}
