namespace Orleans.Caching;

/// <summary>
/// The per-call flow of a memoized function (Flask-Caching's <c>memoize</c> wrapper): <c>unless</c>, <c>forced_update</c>,
/// key (versions read and created), <c>get</c> (+<c>has</c> with <c>cache_none</c>), <c>is_stale</c>, signals, the call,
/// <c>response_filter</c>, <c>set</c> and the refresh of the version keys. Over a grain backend the read is single-flight
/// (<see cref="MemoizeSingleFlight"/>): a miss holds a lease that the <c>set</c> settles, or that is released when the function
/// throws or its result is not stored. Cache failures are handed to
/// <see cref="Cache.OnDecoratorFailure"/> (rethrown in debug, else logged and the function runs uncached); the function's own
/// exceptions propagate.
/// </summary>
internal static class MemoizeEngine
{
    /// <summary>Runs one call. Called from the compiled <c>Invoke</c> delegates.</summary>
    /// <param name="binding">The wrapper.</param>
    /// <param name="arguments">The delegate's arguments, boxed.</param>
    /// <param name="cancellationToken">The call's cancellation token (its own parameter, if it has one).</param>
    /// <returns>The result (the value cached or computed).</returns>
    public static async ValueTask<object?> InvokeAsync(MemoizeBinding binding, object?[] arguments, CancellationToken cancellationToken)
    {
        MemoizeDescriptor descriptor = binding.Descriptor;
        Cache cache = descriptor.Cache;
        MemoizeOptions options = descriptor.Options;
        List<object?> positional = descriptor.ToPositional(arguments, binding.Function.Target);
        object? instance = binding.TargetIsInstance ? binding.Function.Target
            : descriptor.SelfKind != MemoizeSelfKind.None && positional.Count > 0 ? positional[0] : binding.Instance;
        // CacheInvocation aligns arguments with the method's parameters; an open-instance delegate's first argument is the instance.
        IReadOnlyList<object?> raw = descriptor.ArgumentOffset == 1 ? arguments[1..] : arguments;
        var invocation = new CacheInvocation(binding.Function, descriptor.Method, instance, raw, cancellationToken);

        if (options.Unless?.Invoke(invocation) == true)
        {
            return await descriptor.CallOriginal(binding.Function, arguments).ConfigureAwait(false);
        }

        // Argument errors (a method called without its instance) are the caller's, not the cache's: they propagate.
        MemoizeNormalizedCall call = MemoizeKeyBuilder.Normalize(descriptor, positional, named: null);
        string operation = "forced_update";
        string? key = null;
        object? value = null;
        bool found = false;
        MemoizeLease lease = default;
        try
        {
            bool forced = options.ForcedUpdate?.Invoke(invocation) == true;
            operation = "make_cache_key";
            key = await MemoizeKeyBuilder.BuildAsync(descriptor, call, cancellationToken).ConfigureAwait(false);
            if (!forced)
            {
                operation = "get";
                (found, value, lease) = await MemoizeSingleFlight.ReadAsync(cache, key, descriptor.Shape.StorageType, options, cancellationToken).ConfigureAwait(false);
                if (found && options.IsStale is { } isStale)
                {
                    operation = "is_stale";
                    found = isStale(value, invocation) != true;
                }
            }
        }
        catch (Exception ex) when (!DecoratorSteps.IsCancellation(ex, cancellationToken))
        {
            cache.OnDecoratorFailure(CacheSignalKind.Memoize, ex, operation, key);
            return await descriptor.CallOriginal(binding.Function, arguments).ConfigureAwait(false);
        }

        if (found)
        {
            cache.OnDecoratorHit(CacheSignalKind.Memoize, key, invocation);
            return descriptor.Shape.FromStorage(value);
        }

        cache.OnDecoratorMiss(CacheSignalKind.Memoize, key, invocation);
        object? result;
        object? stored;
        try
        {
            result = await descriptor.CallOriginal(binding.Function, arguments).ConfigureAwait(false);
            stored = await descriptor.Shape.ToStorageAsync(result, cancellationToken).ConfigureAwait(false);
        }
        catch when (lease.IsHeld)
        {
            // The function failed: let the waiters go (one of them computes); the exception is this caller's.
            await lease.ReleaseAsync(cache).ConfigureAwait(false);
            throw;
        }

        CacheTimeout? timeout = descriptor.Timeout;
        // Over grains a null result without cache_none would read as a miss anyway: it is not stored, and the lease is released.
        bool written = (stored is not null || options.CacheNone || cache.GrainCapabilities is null) && await DecoratorSteps.StoreAsync(
            cache,
            CacheSignalKind.Memoize,
            key,
            stored,
            stored,
            options.ResponseFilter,
            timeout,
            ct => cache.MemoizeVersions.RefreshAsync(call.VersionKeys, timeout, ct),
            cancellationToken).ConfigureAwait(false);
        if (!written)
        {
            await lease.ReleaseAsync(cache).ConfigureAwait(false);
        }

        return descriptor.Shape.IsGenerator ? descriptor.Shape.FromStorage(stored) : result;
    }
}
