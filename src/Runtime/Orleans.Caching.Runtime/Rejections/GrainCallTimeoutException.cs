namespace Orleans.Caching.Runtime;

/// <summary>No response arrived before the call's deadline (<see cref="RejectionReason.Timeout"/>); the call may still run.</summary>
public sealed class GrainCallTimeoutException : GrainCallRejectedException
{
    /// <summary>Initializes a new instance of the <see cref="GrainCallTimeoutException"/> class.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="methodName">The method.</param>
    /// <param name="timeout">The time allowed.</param>
    public GrainCallTimeoutException(GrainId grainId, string methodName, TimeSpan timeout)
        : base(RejectionReason.Timeout, $"The call {methodName} to grain {grainId} did not complete within {timeout.TotalSeconds:0.###} s (Caching:Silo:ResponseTimeout).")
    {
        GrainId = grainId;
    }

    /// <summary>Gets the grain.</summary>
    public GrainId GrainId { get; }
}
