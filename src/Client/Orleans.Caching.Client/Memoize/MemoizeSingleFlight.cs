using Orleans.Caching.Grains;

namespace Orleans.Caching;

/// <summary>
/// The read step of <c>memoize</c> with single-flight: over a grain backend a miss hands this caller a lease to compute the value
/// (concurrent callers wait inside the runtime for it), in direct mode it is the plain <c>get</c> (+<c>has</c>) of
/// <see cref="DecoratorSteps.ReadAsync"/>.
/// </summary>
internal static class MemoizeSingleFlight
{
    /// <summary>Reads a memoized entry, taking the lease to compute it on a miss when the backend has single-flight.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="storageType">The type the value is stored as.</param>
    /// <param name="options">The memoize options (<c>cache_none</c>, lease duration).</param>
    /// <param name="cancellationToken">Cancels the read (and the wait for another caller's value).</param>
    /// <returns>Whether the entry was found, its value, and the lease this caller must settle on a miss (none in direct mode).</returns>
    public static async ValueTask<(bool Found, object? Value, MemoizeLease Lease)> ReadAsync(Cache cache, string key, Type storageType, MemoizeOptions options, CancellationToken cancellationToken)
    {
        if (cache.GrainCapabilities is not { } grains)
        {
            (bool found, object? value) = await DecoratorSteps.ReadAsync(cache, key, storageType, options.CacheNone, CacheSignalKind.Memoize, cancellationToken).ConfigureAwait(false);
            return (found, value, default);
        }

        CacheLeaseResult result = await grains.GetOrLeaseAsync(key, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        while (!result.Found && !result.HasLease && result.WaitSignal is { } signal)
        {
            // The runtime normally waits for other callers' leases itself; a wait that surfaces here is honoured the same way.
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            result = await grains.GetOrLeaseAsync(key, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }

        if (result.HasLease)
        {
            return (false, null, new MemoizeLease(grains, key, result.LeaseId));
        }

        if (!result.Found || result.Value is null)
        {
            return (false, null, default);
        }

        object? stored;
        try
        {
            stored = cache.Serializer.Deserialize(result.Value, storageType);
        }
        catch (CacheSerializationException ex)
        {
            Log.DecoratorValueUnreadable(cache.DecoratorLogger, ex, CacheSignalKind.Memoize, key, storageType);
            return (false, null, default);
        }

        // As with get: a stored null is a hit only with cache_none.
        return stored is not null || options.CacheNone ? (true, stored, default) : (false, null, default);
    }
}
