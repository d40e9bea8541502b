namespace Orleans.Caching.Runtime;

/// <summary>What an activation offers its grain.</summary>
public interface IGrainContext
{
    /// <summary>Gets the grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>Gets the runtime's clock; grains never read the system clock directly.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Gets the storage for this grain's state.</summary>
    IGrainStorage Storage { get; }

    /// <summary>Asks the runtime to deactivate this activation once the current request completes.</summary>
    void DeactivateOnIdle();
}
