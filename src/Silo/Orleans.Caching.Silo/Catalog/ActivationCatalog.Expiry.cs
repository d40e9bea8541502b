using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Requests whose network time-to-live ran out while they waited in an activation's queue.</summary>
internal sealed partial class ActivationCatalog
{
    private long _expiredRequests;

    /// <summary>Gets the number of queued requests dropped because their time-to-live ran out before their turn.</summary>
    public long ExpiredRequests => Volatile.Read(ref _expiredRequests);

    /// <summary>Answers a request that was dequeued because its deadline passed, with a <see cref="RejectionReason.Timeout"/> rejection;
    /// it never runs. Called under the activation's lock, so the rejection (which releases the caller's cancellation registration) runs
    /// on the thread pool: expiry is the rare path.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="request">The expired request, already removed from the queue.</param>
    /// <param name="now">The timestamp the deadline was compared with.</param>
    public void RejectExpired(GrainId grainId, PendingRequest request, long now)
    {
        Interlocked.Increment(ref _expiredRequests);
        double lateMilliseconds = TimeProvider.GetElapsedTime(request.Deadline, now).TotalMilliseconds;
        Log.QueuedRequestExpired(Logger, request.MethodName, grainId, lateMilliseconds);
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => state.request.Reject(new GrainCallRejectedException(
                RejectionReason.Timeout,
                $"The call {state.request.MethodName} to grain {state.grainId} was not run: its time-to-live ran out while it waited behind the grain's other work (the caller had given up).")),
            (request, grainId),
            preferLocal: false);
    }
}
