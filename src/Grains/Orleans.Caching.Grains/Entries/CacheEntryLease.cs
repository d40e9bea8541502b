namespace Orleans.Caching.Grains;

/// <summary>A single-flight lease held on a cache entry grain; created only when a caller misses and asks for one.</summary>
internal sealed class CacheEntryLease
{
    // Task.Delay accepts at most about 49.7 days; a longer lease releases its waiters then, and they wait again.
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromDays(49);

    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _expiryTimer = new();

    /// <summary>Initializes a new instance of the <see cref="CacheEntryLease"/> class.</summary>
    /// <param name="id">The lease id.</param>
    /// <param name="expiresAt">When the lease expires, in UTC ticks.</param>
    /// <param name="duration">How long from now that is (the timer of the signal).</param>
    /// <param name="timeProvider">The activation's clock.</param>
    public CacheEntryLease(long id, long expiresAt, TimeSpan duration, TimeProvider timeProvider)
    {
        Id = id;
        ExpiresAt = expiresAt;
        Signal = Task.WhenAny(_ended.Task, Task.Delay(duration < s_maxDelay ? duration : s_maxDelay, timeProvider, _expiryTimer.Token));
    }

    /// <summary>Gets the lease id.</summary>
    public long Id { get; }

    /// <summary>Gets when the lease expires, in UTC ticks.</summary>
    public long ExpiresAt { get; }

    /// <summary>Gets the signal waiters await: completes when the lease ends or expires. Never faults.</summary>
    public Task Signal { get; }

    /// <summary>Ends the lease: releases the waiters and stops the expiry timer.</summary>
    public void Complete()
    {
        _ended.TrySetResult();
        _expiryTimer.Cancel();
        _expiryTimer.Dispose();
    }
}
