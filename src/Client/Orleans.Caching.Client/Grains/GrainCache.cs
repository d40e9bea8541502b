using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The cache backend of the grain modes (<c>Local</c>, <c>Cluster</c>): every key is a <see cref="ICacheEntryGrain"/> (its key is the
/// full cache key, prefix included), reached through an <see cref="IGrainFactory"/>. <see cref="CacheBackend"/> validates keys and
/// values, applies the prefix and resolves default timeouts; this class turns each operation into grain calls.
/// </summary>
/// <remarks>
/// <para>Multi-key operations call their grains concurrently. <c>clear</c> asks the silos (<see cref="ICacheSiloControl"/>) to clear
/// their storage and drop their activations. Counters are atomic (one grain turn each); a value that is not an integer makes
/// <c>inc</c> throw <see cref="CacheException"/>.</para>
/// <para>Runtime refusals (<see cref="GrainCallRejectedException"/>: overloaded, timed out, unavailable) propagate as they are, so callers
/// can tell them apart from cache errors.</para>
/// </remarks>
public sealed class GrainCache : CacheBackend, IGrainCacheCapabilities
{
    private readonly IGrainFactory _grainFactory;
    private readonly ICacheSiloControl _control;
    private readonly IGrainBatchInvoker? _batches;

    /// <summary>Initializes a new instance of the <see cref="GrainCache"/> class.</summary>
    /// <param name="grainFactory">Hands out the cache grains.</param>
    /// <param name="control">Performs <c>clear</c> on the silos.</param>
    /// <param name="options">The backend options (default timeout, prefix, limits); defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>. Expiry itself is decided by the grains' clock.</param>
    public GrainCache(IGrainFactory grainFactory, ICacheSiloControl control, CacheBackendOptions? options = null, TimeProvider? timeProvider = null)
        : this(grainFactory, control, batches: null, options, timeProvider)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GrainCache"/> class whose multi-key operations go through <paramref name="batches"/>.</summary>
    /// <param name="grainFactory">Hands out the cache grains.</param>
    /// <param name="control">Performs <c>clear</c> on the silos.</param>
    /// <param name="batches">Sends multi-key operations as batches; <see langword="null"/> for one call per key.</param>
    /// <param name="options">The backend options.</param>
    /// <param name="timeProvider">The clock.</param>
    internal GrainCache(IGrainFactory grainFactory, ICacheSiloControl control, IGrainBatchInvoker? batches, CacheBackendOptions? options, TimeProvider? timeProvider)
        : base(options ?? new CacheBackendOptions(), timeProvider)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(control);
        _grainFactory = grainFactory;
        _control = control;
        _batches = batches;
    }

    /// <summary>Converts a resolved cache timeout to a grain time-to-live: <c>0</c> → <see langword="null"/> (never expires), a negative
    /// timeout → a negative time-to-live (already expired), otherwise that many seconds.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The time-to-live.</returns>
    internal static TimeSpan? ToTimeToLive(CacheTimeout timeout) => timeout.IsNever ? null : TimeSpan.FromSeconds(timeout.Seconds);

    /// <inheritdoc/>
    ValueTask<CacheLeaseResult> IGrainCacheCapabilities.GetOrLeaseAsync(string key, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => Entry(PrepareKey(key)).GetOrLeaseAsync(leaseDuration, cancellationToken);

    /// <inheritdoc/>
    ValueTask<bool> IGrainCacheCapabilities.ReleaseLeaseAsync(string key, long leaseId, CancellationToken cancellationToken)
        => Entry(PrepareKey(key)).ReleaseLeaseAsync(leaseId, cancellationToken);

    /// <inheritdoc/>
    IMemoizeVersionGrain IGrainCacheCapabilities.GetVersionGrain(string versionKey)
        => _grainFactory.GetGrain<IMemoizeVersionGrain>(PrepareKey(versionKey));

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
        => Entry(key).GetAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        CacheEntrySnapshot? snapshot = await Entry(key).GetEntryAsync(cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : new CacheEntry(snapshot.Value, snapshot.ExpiresAt);
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => Entry(key).SetAsync(value.ToArray(), ToTimeToLive(timeout), cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => Entry(key).AddAsync(value.ToArray(), ToTimeToLive(timeout), cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
        => Entry(key).DeleteAsync(cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
        => Entry(key).HasAsync(cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
        => _control.ClearAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
    {
        try
        {
            return await Entry(key).IncrementAsync(delta, ToTimeToLive(DefaultTimeout), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new CacheException($"Cannot increment the cache key '{key}': {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<byte[]?>> GetManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (_batches is not null && keys.Count > 1)
        {
            return _batches.GetManyAsync(keys, cancellationToken);
        }

        var calls = new ValueTask<byte[]?>[keys.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Entry(keys[i]).GetAsync(cancellationToken);
        }

        return GrainCalls.WhenAllAsync<byte[]?>(calls);
    }

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<bool>> SetManyCoreAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        TimeSpan? timeToLive = ToTimeToLive(timeout);
        if (_batches is not null && items.Count > 1)
        {
            return _batches.SetManyAsync(items, timeToLive, cancellationToken);
        }

        var calls = new ValueTask<bool>[items.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Entry(items[i].Key).SetAsync(items[i].Value.ToArray(), timeToLive, cancellationToken);
        }

        return GrainCalls.WhenAllAsync<bool>(calls);
    }

    /// <inheritdoc/>
    /// <remarks>A grain's delete cannot leave its value behind: once the call returns the key is gone whatever it answered (it answers
    /// <see langword="false"/> for a key that held nothing), so each key counts as gone and no <c>has</c> check follows.</remarks>
    protected override async ValueTask<IReadOnlyList<bool>> DeleteManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (_batches is not null && keys.Count > 1)
        {
            await _batches.DeleteManyAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var calls = new ValueTask<bool>[keys.Count];
            for (int i = 0; i < calls.Length; i++)
            {
                calls[i] = Entry(keys[i]).DeleteAsync(cancellationToken);
            }

            await GrainCalls.WhenAllAsync<bool>(calls).ConfigureAwait(false);
        }

        var gone = new bool[keys.Count];
        Array.Fill(gone, true);
        return gone;
    }

    private ICacheEntryGrain Entry(string fullKey) => _grainFactory.GetGrain<ICacheEntryGrain>(fullKey);
}
