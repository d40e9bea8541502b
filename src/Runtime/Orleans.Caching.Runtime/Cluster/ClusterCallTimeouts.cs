namespace Orleans.Caching.Runtime;

/// <summary>
/// Times out the cluster client's waiting calls: one timer scans an intrusive doubly-linked list of calls every tick, so sending a call
/// allocates neither a timer nor a cancellation source. A call times out at most one tick after its deadline. The caller removes its
/// call as soon as it ends (<see cref="Remove"/>), so a completed call is garbage at once: were it kept until the next scan (up to a
/// second), every call would survive to generation 2 and the client would run background collections under load.
/// </summary>
internal sealed class ClusterCallTimeouts : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();

    // Guarded by _lock: a sentinel-free list, newest at the tail.
    private ClusterCallBase? _head;
    private ClusterCallBase? _tail;

    public ClusterCallTimeouts(TimeProvider time, TimeSpan tick)
    {
        _time = time;
        _timer = time.CreateTimer(static state => ((ClusterCallTimeouts)state!).Scan(), this, tick, tick);
    }

    /// <summary>Gets how many calls are tracked.</summary>
    internal int Count { get; private set; }

    /// <summary>Tracks a call until it is removed or its <see cref="ClusterCallBase.DeadlineTimestamp"/> passes.</summary>
    /// <param name="call">The call; tracked at most once at a time.</param>
    public void Add(ClusterCallBase call)
    {
        lock (_lock)
        {
            call.PreviousPending = _tail;
            call.NextPending = null;
            if (_tail is null)
            {
                _head = call;
            }
            else
            {
                _tail.NextPending = call;
            }

            _tail = call;
            call.IsTracked = true;
            Count++;
        }
    }

    /// <summary>Stops tracking a call (no-op when it is not tracked: it already timed out).</summary>
    /// <param name="call">The call.</param>
    public void Remove(ClusterCallBase call)
    {
        lock (_lock)
        {
            Unlink(call);
        }
    }

    /// <summary>Times out every tracked call whose deadline has passed.</summary>
    public void Scan()
    {
        ClusterCallBase? expired = null;
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            ClusterCallBase? call = _head;
            while (call is not null)
            {
                ClusterCallBase? next = call.NextPending;
                if (call.IsCompleted || now >= call.DeadlineTimestamp)
                {
                    Unlink(call);
                    call.NextPending = expired;
                    expired = call;
                }

                call = next;
            }
        }

        // Outside the lock: timing out wakes callers, which remove their calls.
        while (expired is not null)
        {
            ClusterCallBase? next = expired.NextPending;
            expired.NextPending = null;
            expired.TimeOut();
            expired = next;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _timer.Dispose();

    private void Unlink(ClusterCallBase call)
    {
        if (!call.IsTracked)
        {
            return;
        }

        if (call.PreviousPending is { } previous)
        {
            previous.NextPending = call.NextPending;
        }
        else
        {
            _head = call.NextPending;
        }

        if (call.NextPending is { } next)
        {
            next.PreviousPending = call.PreviousPending;
        }
        else
        {
            _tail = call.PreviousPending;
        }

        call.PreviousPending = null;
        call.NextPending = null;
        call.IsTracked = false;
        Count--;
    }
}
