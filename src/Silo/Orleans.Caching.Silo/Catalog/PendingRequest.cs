namespace Orleans.Caching.Silo;

/// <summary>
/// A request waiting in an activation's queue. The activation runs it on the thread pool when the scheduler admits it,
/// rejects it when activation fails, or hands it to the next activation of the grain when this one deactivates.
/// </summary>
/// <remarks>All state transitions happen under the lock of the owning activation.</remarks>
internal abstract class PendingRequest : IThreadPoolWorkItem
{
    /// <summary>Gets a value indicating whether the request may run beside other read-only requests.</summary>
    public abstract bool IsReadOnly { get; }

    /// <summary>Gets or sets the activation whose queue holds the request.</summary>
    public ActivationData? Owner { get; set; }

    /// <summary>Gets or sets a value indicating whether the request left the queue (started, cancelled, rejected or forwarded).</summary>
    public bool Dequeued { get; set; }

    /// <summary>Gets the <see cref="TimeProvider"/> timestamp after which the request must not run (its network time-to-live ran out
    /// while it waited: the caller gave up); 0 = no deadline.</summary>
    public long Deadline { get; init; }

    /// <summary>Gets the name of the method called (for diagnostics).</summary>
    public abstract string MethodName { get; }

    /// <summary>Starts listening to the caller's cancellation, once the request is queued.</summary>
    public abstract void RegisterCancellation();

    /// <summary>Runs the request's turn; the scheduler has already admitted it.</summary>
    public abstract void Execute();

    /// <summary>Fails the request without running it.</summary>
    /// <param name="exception">What the caller sees.</param>
    public abstract void Reject(Exception exception);

    /// <summary>Sends the request to the grain's current activation (this one is gone).</summary>
    public abstract void Redispatch();
}
