namespace Orleans.Caching.Runtime;

/// <summary>
/// Times out the cluster client's waiting calls: one timer scans an intrusive lock-free list of calls every tick, so sending a call
/// allocates neither a timer nor a cancellation source. A call times out at most one tick after its deadline.
/// </summary>
internal sealed class ClusterCallTimeouts : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private ClusterCallBase? _head;
    private int _scanning;

    public ClusterCallTimeouts(TimeProvider time, TimeSpan tick)
    {
        _time = time;
        _timer = time.CreateTimer(static state => ((ClusterCallTimeouts)state!).Scan(), this, tick, tick);
    }

    /// <summary>Tracks a call until it completes or its <see cref="ClusterCallBase.DeadlineTimestamp"/> passes.</summary>
    /// <param name="call">The call.</param>
    public void Add(ClusterCallBase call)
    {
        ClusterCallBase? head;
        do
        {
            head = Volatile.Read(ref _head);
            call.NextPending = head;
        }
        while (Interlocked.CompareExchange(ref _head, call, head) != head);
    }

    /// <summary>Times out every tracked call whose deadline has passed; drops completed ones.</summary>
    public void Scan()
    {
        if (Interlocked.Exchange(ref _scanning, 1) != 0)
        {
            return;
        }

        try
        {
            ClusterCallBase? call = Interlocked.Exchange(ref _head, null);
            long now = _time.GetTimestamp();
            while (call is not null)
            {
                ClusterCallBase? next = call.NextPending;
                call.NextPending = null;
                if (!call.IsCompleted)
                {
                    if (now >= call.DeadlineTimestamp)
                    {
                        call.TimeOut();
                    }
                    else
                    {
                        Add(call);
                    }
                }

                call = next;
            }
        }
        finally
        {
            Volatile.Write(ref _scanning, 0);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _timer.Dispose();
}
