namespace Orleans.Caching.Runtime;

/// <summary>
/// A call the cluster client is waiting on: completed exactly once by its reply, by the connection's failure, by its deadline
/// (<see cref="ClusterCallTimeouts"/>) or by its caller's cancellation, whichever comes first.
/// </summary>
internal abstract class ClusterCallBase : OutboundCall
{
    private int _completed;

    /// <summary>Gets or sets the next call in the timeout list (intrusive, so tracking a call allocates nothing).</summary>
    internal ClusterCallBase? NextPending { get; set; }

    /// <summary>Gets or sets the previous call in the timeout list.</summary>
    internal ClusterCallBase? PreviousPending { get; set; }

    /// <summary>Gets or sets a value indicating whether the call is in the timeout list (guarded by the list's lock).</summary>
    internal bool IsTracked { get; set; }

    /// <summary>Gets or sets when the call times out, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    internal long DeadlineTimestamp { get; set; }

    /// <summary>Gets or sets the connection the call was sent on, to forget it when it times out.</summary>
    internal FrameConnection? Connection { get; set; }

    /// <summary>Gets or sets the correlation id the connection assigned.</summary>
    internal long CorrelationId { get; set; }

    /// <summary>Gets a value indicating whether the call has completed.</summary>
    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Times the call out if it is still waiting.</summary>
    internal abstract void TimeOut();

    /// <summary>Cancels the call if it is still waiting.</summary>
    internal abstract void Cancel();

    /// <summary>Claims the right to complete the call.</summary>
    /// <returns><see langword="true"/> for the first caller only.</returns>
    protected bool TryClaim() => Interlocked.Exchange(ref _completed, 1) == 0;

    /// <summary>Forgets the call on its connection, so a late reply is dropped.</summary>
    protected void Forget()
    {
        if (Connection is { } connection && CorrelationId != 0)
        {
            connection.TryCancelCall(CorrelationId);
        }
    }
}
