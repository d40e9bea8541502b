using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Deactivates idle activations and keeps the silo under its memory budget. Every <see cref="SiloOptions.CollectionQuantum"/>
/// a timer pops the due buckets of the <see cref="CollectionWheel"/> (O(due) per tick), re-checks idleness, and deactivates
/// stale activations with <see cref="DeactivationReason.Idle"/>. Over <see cref="SiloOptions.MaxMemoryBytes"/>, it deactivates
/// the least recently used idle activations with <see cref="DeactivationReason.MemoryPressure"/>.
/// </summary>
internal sealed class ActivationCollector : IDisposable
{
    /// <summary>
    /// The runtime overhead the memory budget counts per activation beside <see cref="Grain.EstimatedSize"/>: the measured
    /// 193 bytes (see <see cref="ActivationData"/>) rounded up for the grain object's own header and fields.
    /// </summary>
    public const long ActivationOverheadBytes = 256;

    private readonly Lock _lock = new();
    private readonly CollectionWheel _wheel;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _quantum;
    private readonly long _maxBytes;
    private long _estimatedBytes;
    private int _evictionRequests;
    private ITimer? _timer;

    public ActivationCollector(IOptions<SiloOptions> options, TimeProvider timeProvider, ILogger<ActivationCollector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _wheel = new CollectionWheel(value.CollectionAge, value.CollectionQuantum);
        _quantum = value.CollectionQuantum;
        _maxBytes = value.MaxMemoryBytes;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Gets the estimated memory of all activations: per-activation overhead plus grain sizes.</summary>
    public long EstimatedBytes => Volatile.Read(ref _estimatedBytes);

    /// <summary>Starts the collection timer.</summary>
    public void Start()
    {
        lock (_lock)
        {
            _timer ??= _timeProvider.CreateTimer(static state => ((ActivationCollector)state!).OnTick(), this, _quantum, _quantum);
        }
    }

    /// <summary>Stops the collection timer.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    /// <summary>Registers a newly valid activation.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="nowTicks">Its activation time, UTC ticks.</param>
    /// <param name="size">The grain's estimated size.</param>
    public void OnActivated(ActivationData activation, long nowTicks, long size)
    {
        lock (_lock)
        {
            _wheel.Add(activation, _wheel.DueTime(nowTicks));
        }

        AddEstimatedBytes(ActivationOverheadBytes + size);
    }

    /// <summary>Releases the memory of an activation that began deactivating (the wheel drops it lazily). Released at the start
    /// rather than at removal, so an eviction in progress is not repeated by the next request over budget.</summary>
    /// <param name="size">The grain's last estimated size.</param>
    public void OnDeactivated(long size) => AddEstimatedBytes(-(ActivationOverheadBytes + size));

    /// <summary>Adjusts the memory estimate; growth past the budget schedules an eviction off the caller's path.</summary>
    /// <param name="delta">The change in bytes.</param>
    public void AddEstimatedBytes(long delta)
    {
        long total = Interlocked.Add(ref _estimatedBytes, delta);
        if (delta > 0 && _maxBytes > 0 && total > _maxBytes && Interlocked.Increment(ref _evictionRequests) == 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => ((ActivationCollector)state!).RunScheduledEviction(), this, preferLocal: false);
        }
    }

    /// <summary>Deactivates the activations whose due time has passed and that stayed idle, then enforces the memory budget.</summary>
    /// <returns>The number of activations whose deactivation began.</returns>
    public int Collect()
    {
        long now = _timeProvider.GetUtcNow().UtcTicks;
        List<(ActivationData Activation, long LastUse)>? stale = null;
        lock (_lock)
        {
            while (_wheel.TryTakeFirst(now, out _, out var bucket))
            {
                foreach (var activation in bucket)
                {
                    if (activation.State is ActivationState.Deactivating or ActivationState.Invalid)
                    {
                        continue;
                    }

                    long lastUse = activation.LastUseTicks;
                    long dueTime = activation.IsIdle ? _wheel.DueTime(lastUse) : _wheel.DueTime(now);
                    if (dueTime > now)
                    {
                        _wheel.Add(activation, dueTime);
                    }
                    else
                    {
                        (stale ??= []).Add((activation, lastUse));
                    }
                }
            }
        }

        int count = stale is null ? 0 : Deactivate(stale, DeactivationReason.Idle, now);
        if (count > 0)
        {
            Log.IdleActivationsCollected(_logger, count);
        }

        return count + EvictForMemory();
    }

    /// <summary>Deactivates least recently used idle activations until the estimate is under the budget.</summary>
    /// <returns>The number of activations whose deactivation began.</returns>
    public int EvictForMemory()
    {
        long estimated = EstimatedBytes;
        if (_maxBytes <= 0 || estimated <= _maxBytes)
        {
            return 0;
        }

        var victims = new List<(ActivationData Activation, long LastUse)>();
        lock (_lock)
        {
            _wheel.TakeLeastRecentlyUsedIdle(estimated - _maxBytes, ActivationOverheadBytes, victims);
        }

        if (victims.Count == 0)
        {
            return 0;
        }

        Log.MemoryPressureEviction(_logger, estimated, _maxBytes, victims.Count);
        return Deactivate(victims, DeactivationReason.MemoryPressure, _timeProvider.GetUtcNow().UtcTicks);
    }

    private int Deactivate(List<(ActivationData Activation, long LastUse)> activations, DeactivationReason reason, long now)
    {
        int count = 0;
        foreach (var (activation, lastUse) in activations)
        {
            if (activation.TryDeactivateIfIdle(reason, lastUse))
            {
                count++;
            }
            else if (activation.State is not (ActivationState.Deactivating or ActivationState.Invalid))
            {
                // Used (or busy) since it was picked: back on the wheel at its new due time.
                lock (_lock)
                {
                    _wheel.Add(activation, _wheel.DueTime(Math.Max(now, activation.LastUseTicks)));
                }
            }
        }

        return count;
    }

    private void OnTick()
    {
        try
        {
            Collect();
        }
        catch (Exception ex)
        {
            Log.CollectorFailed(_logger, ex);
        }
    }

    private void RunScheduledEviction()
    {
        // One worker at a time; requests made while it runs (an activation that went idle meanwhile) make it run again.
        int seen;
        do
        {
            seen = Volatile.Read(ref _evictionRequests);
            try
            {
                EvictForMemory();
            }
            catch (Exception ex)
            {
                Log.CollectorFailed(_logger, ex);
            }
        }
        while (Interlocked.CompareExchange(ref _evictionRequests, 0, seen) != seen);
    }
}
