namespace Orleans.Caching;

/// <summary>
/// One call of a <c>cached</c> function, step by step as Flask-Caching does it (§3.1): <c>unless</c>, key,
/// <c>forced_update</c>, <c>get</c> (and <c>has</c> for <c>cache_none</c>), <c>is_stale</c>; on a miss the function runs,
/// its result is drained and filtered, and stored with the response's or the function's timeout.
/// </summary>
/// <remarks>
/// Every backend call goes through the <see cref="Cache"/>'s public virtual methods. Failures of the cache or of a callback
/// go to <see cref="Cache.OnDecoratorFailure"/> (thrown in debug mode, else logged, and the function runs uncached); the
/// function's own exceptions propagate. A stored value that cannot be read as the result type counts as a miss.
/// The type knows nothing about delegates, so other front ends (views, interceptors) can drive it.
/// </remarks>
internal sealed class CachedCallFlow
{
    private readonly Cache _cache;
    private readonly CachedOptions _options;
    private readonly CachedResultAdapter _result;
    private readonly Func<CacheInvocation, string> _makeKey;
    private readonly Func<CacheTimeout?> _timeout;

    /// <summary>Initializes a new instance of the <see cref="CachedCallFlow"/> class.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="options">The decorator options (callbacks are read on each call).</param>
    /// <param name="result">How results are stored.</param>
    /// <param name="makeKey">Computes the key of a call.</param>
    /// <param name="timeout">Reads the function's current timeout.</param>
    public CachedCallFlow(Cache cache, CachedOptions options, CachedResultAdapter result, Func<CacheInvocation, string> makeKey, Func<CacheTimeout?> timeout)
    {
        _cache = cache;
        _options = options;
        _result = result;
        _makeKey = makeKey;
        _timeout = timeout;
    }

    /// <summary>Runs one call.</summary>
    /// <param name="invocation">The call.</param>
    /// <param name="run">Runs the undecorated function and returns its (awaited) result.</param>
    /// <returns>The value for the caller.</returns>
    public async ValueTask<object?> InvokeAsync(CacheInvocation invocation, Func<ValueTask<object?>> run)
    {
        CancellationToken cancellationToken = invocation.CancellationToken;
        string operation = "unless";
        string? key = null;
        bool found = false;
        object? stored = null;
        try
        {
            if (_options.Unless?.Invoke(invocation) == true)
            {
                operation = "bypass";
            }
            else
            {
                operation = "make_cache_key";
                key = _makeKey(invocation);
                operation = "forced_update";
                if (_options.ForcedUpdate?.Invoke(invocation) != true)
                {
                    operation = "get";
                    (found, stored) = await DecoratorSteps.ReadAsync(_cache, key, _result.StorageType, _options.CacheNone, CacheSignalKind.Cached, cancellationToken).ConfigureAwait(false);
                    if (found && _options.IsStale is { } isStale)
                    {
                        operation = "is_stale";
                        found = !isStale(stored, invocation);
                    }
                }
            }
        }
        catch (Exception ex) when (!DecoratorSteps.IsCancellation(ex, cancellationToken))
        {
            _cache.OnDecoratorFailure(CacheSignalKind.Cached, ex, operation, key);
            return await run().ConfigureAwait(false);
        }

        if (key is null)
        {
            return await run().ConfigureAwait(false);
        }

        if (found)
        {
            _cache.OnDecoratorHit(CacheSignalKind.Cached, key, invocation);
            return _result.FromStorage(stored);
        }

        _cache.OnDecoratorMiss(CacheSignalKind.Cached, key, invocation);
        object? result = await run().ConfigureAwait(false);
        CachedFreshResult fresh = await _result.PrepareAsync(result, cancellationToken).ConfigureAwait(false);
        await DecoratorSteps.StoreAsync(_cache, CacheSignalKind.Cached, key, fresh.Stored, fresh.Filtered, _options.ResponseFilter, fresh.ResponseTimeout ?? _timeout(), null, cancellationToken).ConfigureAwait(false);
        return fresh.Returned;
    }
}
