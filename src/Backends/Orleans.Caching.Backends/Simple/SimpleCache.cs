namespace Orleans.Caching;

/// <summary>
/// An in-process memory cache (Flask-Caching's <c>SimpleCache</c>), thread-safe. Before each write, if it holds more than
/// <see cref="SimpleCacheOptions.Threshold"/> items it drops expired ones, then the soonest to expire, until it holds at most
/// the threshold; then it inserts, so it can hold threshold + 1 items. An entry written at T with timeout t reads as
/// missing from exactly T + t.
/// </summary>
public sealed class SimpleCache : CacheBackend
{
    private const long NeverExpires = long.MaxValue;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>Initializes a new instance of the <see cref="SimpleCache"/> class with default options.</summary>
    public SimpleCache()
        : this(new SimpleCacheOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimpleCache"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for expiry.</param>
    public SimpleCache(SimpleCacheOptions options, TimeProvider? timeProvider = null)
        : base(options, timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threshold, "Caching:Threshold");
        Threshold = options.Threshold == 0 ? SimpleCacheOptions.DefaultThreshold : options.Threshold;
    }

    /// <summary>Gets the pruning threshold in force (0 configured means 500).</summary>
    public int Threshold { get; }

    /// <summary>Gets the number of entries held, expired ones included until they are pruned or overwritten.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
    {
        long now = NowTicks();
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.TryGetValue(key, out Entry entry) && entry.ExpiresAt > now ? entry.Value : null);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        long now = NowTicks();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out Entry entry) || entry.ExpiresAt <= now)
            {
                return ValueTask.FromResult<CacheEntry?>(null);
            }

            // Saturated expiries (huge timeouts) lie beyond DateTimeOffset.MaxValue: they never expire in practice.
            DateTimeOffset? expiresAt = entry.ExpiresAt > DateTimeOffset.MaxValue.UtcTicks ? null : new DateTimeOffset(entry.ExpiresAt, TimeSpan.Zero);
            return ValueTask.FromResult<CacheEntry?>(new CacheEntry(entry.Value, expiresAt));
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        byte[] copy = value.ToArray();
        long now = NowTicks();
        lock (_lock)
        {
            Prune(now);
            _entries[key] = new Entry(copy, ExpiresAt(now, timeout));
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        long now = NowTicks();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out Entry existing) && existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(false);
            }

            Prune(now);
            _entries[key] = new Entry(value.ToArray(), ExpiresAt(now, timeout));
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.Remove(key));
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
    {
        long now = NowTicks();
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.TryGetValue(key, out Entry entry) && entry.ExpiresAt > now);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.Clear();
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    protected override ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
    {
        long now = NowTicks();
        lock (_lock)
        {
            byte[]? current = _entries.TryGetValue(key, out Entry entry) && entry.ExpiresAt > now ? entry.Value : null;
            long next = checked(CacheCounter.Parse(key, current) + delta);
            Prune(now);
            _entries[key] = new Entry(CacheCounter.Format(next), ExpiresAt(now, DefaultTimeout));
            return ValueTask.FromResult<long?>(next);
        }
    }

    // Saturates instead of overflowing, so a huge timeout stays far in the future and a huge negative one stays in the past.
    private static long ExpiresAt(long now, CacheTimeout timeout)
    {
        if (timeout.IsNever)
        {
            return NeverExpires;
        }

        if (timeout.Seconds > (NeverExpires - 1 - now) / TimeSpan.TicksPerSecond)
        {
            return NeverExpires - 1;
        }

        return timeout.Seconds < -(now / TimeSpan.TicksPerSecond) ? long.MinValue : now + (timeout.Seconds * TimeSpan.TicksPerSecond);
    }

    private long NowTicks() => TimeProvider.GetUtcNow().UtcTicks;

    // Called under _lock.
    private void Prune(long now)
    {
        if (_entries.Count <= Threshold)
        {
            return;
        }

        foreach (KeyValuePair<string, Entry> pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.Remove(pair.Key);
            }
        }

        int excess = _entries.Count - Threshold;
        if (excess <= 0)
        {
            return;
        }

        foreach (string key in _entries.OrderBy(p => p.Value.ExpiresAt).Take(excess).Select(p => p.Key).ToList())
        {
            _entries.Remove(key);
        }
    }

    private readonly record struct Entry(byte[] Value, long ExpiresAt);
}
