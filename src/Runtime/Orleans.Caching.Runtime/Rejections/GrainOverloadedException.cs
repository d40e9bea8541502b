namespace Orleans.Caching.Runtime;

/// <summary>The target activation's request queue is full (<see cref="RejectionReason.Overloaded"/>); nothing ran.</summary>
public sealed class GrainOverloadedException : GrainCallRejectedException
{
    /// <summary>Initializes a new instance of the <see cref="GrainOverloadedException"/> class.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="queueLimit">The queue limit that was reached.</param>
    public GrainOverloadedException(GrainId grainId, int queueLimit)
        : base(RejectionReason.Overloaded, $"Grain {grainId} is overloaded: {queueLimit} requests are already queued (Caching:Silo:MaxQueuedRequestsPerActivation).")
    {
        GrainId = grainId;
    }

    /// <summary>Initializes a new instance of the <see cref="GrainOverloadedException"/> class with the message a remote silo sent.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="message">What the silo said.</param>
    public GrainOverloadedException(GrainId grainId, string message)
        : base(RejectionReason.Overloaded, message)
    {
        GrainId = grainId;
    }

    /// <summary>Gets the grain.</summary>
    public GrainId GrainId { get; }
}
