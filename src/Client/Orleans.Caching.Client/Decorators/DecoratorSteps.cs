namespace Orleans.Caching;

/// <summary>
/// The steps <c>cached</c> and <c>memoize</c> share (Flask-Caching §3.1): reading an entry (<c>get</c>, then <c>has</c> when
/// <c>cache_none</c> is on, an unreadable value counting as a miss) and storing a fresh result (<c>response_filter</c>, <c>set</c>,
/// and whatever must follow a successful write), with the decorators' failure policy.
/// </summary>
internal static class DecoratorSteps
{
    /// <summary>Tells whether an exception is the caller's own cancellation, which always propagates.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns><see langword="true"/> for a requested cancellation.</returns>
    public static bool IsCancellation(Exception exception, CancellationToken cancellationToken)
        => exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Reads an entry through the cache's public <c>get</c> (and <c>has</c> for <c>cache_none</c>).</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="storageType">The type the value is stored as.</param>
    /// <param name="cacheNone">Whether a stored <see langword="null"/> is a hit.</param>
    /// <param name="kind">The decorator, for the log.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Whether the entry was found, and its value.</returns>
    /// <remarks>Backend failures propagate to the caller's failure policy; an unreadable value is logged and is a miss, so it gets replaced.</remarks>
    public static async ValueTask<(bool Found, object? Value)> ReadAsync(Cache cache, string key, Type storageType, bool cacheNone, CacheSignalKind kind, CancellationToken cancellationToken)
    {
        object? value;
        try
        {
            value = await cache.GetAsync(key, storageType, cancellationToken).ConfigureAwait(false);
        }
        catch (CacheSerializationException ex)
        {
            Log.DecoratorValueUnreadable(cache.DecoratorLogger, ex, kind, key, storageType);
            return (false, null);
        }

        if (value is not null)
        {
            return (true, value);
        }

        return cacheNone ? (await cache.HasAsync(key, cancellationToken).ConfigureAwait(false), null) : (false, null);
    }

    /// <summary>Stores a fresh result unless <paramref name="filter"/> rejects it; failures follow the policy (logged, or thrown in debug).</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="kind">The decorator.</param>
    /// <param name="key">The key.</param>
    /// <param name="stored">The value to store.</param>
    /// <param name="filterInput">What <c>response_filter</c> receives (the raw result).</param>
    /// <param name="filter">The <c>response_filter</c>, if any.</param>
    /// <param name="timeout">The time-to-live.</param>
    /// <param name="afterSet">Runs after a successful write (memoize refreshes its version keys), under the same policy.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns><see langword="true"/> if the value was written (even if <paramref name="afterSet"/> failed afterwards);
    /// <see langword="false"/> if the filter rejected it or the write failed.</returns>
    public static async ValueTask<bool> StoreAsync(
        Cache cache,
        CacheSignalKind kind,
        string key,
        object? stored,
        object? filterInput,
        Func<object?, bool>? filter,
        CacheTimeout? timeout,
        Func<CancellationToken, ValueTask>? afterSet,
        CancellationToken cancellationToken)
    {
        string operation = "response_filter";
        bool written = false;
        try
        {
            if (filter is not null && !filter(filterInput))
            {
                return false;
            }

            operation = "set";
            await cache.SetAsync(key, stored, timeout, cancellationToken).ConfigureAwait(false);
            written = true;
            if (afterSet is not null)
            {
                operation = "after_set";
                await afterSet(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            cache.OnDecoratorFailure(kind, ex, operation, key);
        }

        return written;
    }
}
