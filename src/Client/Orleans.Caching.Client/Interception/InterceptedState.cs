namespace Orleans.Caching;

/// <summary>An intercepted method bound to one cache: the memoize binding (descriptor registered with the cache, so
/// <c>DeleteMemoizedAsync</c> finds it) or the cached call flow.</summary>
internal sealed class InterceptedState
{
    private InterceptedState(Cache cache, MemoizeBinding? memoize, CachedCallFlow? cached)
    {
        Cache = cache;
        Memoize = memoize;
        Cached = cached;
    }

    /// <summary>Gets the cache.</summary>
    public Cache Cache { get; }

    /// <summary>Gets the memoize binding (unbound: the instance is the first argument), for <see cref="InterceptedKind.Memoize"/>.</summary>
    public MemoizeBinding? Memoize { get; }

    /// <summary>Gets the call flow, for <see cref="InterceptedKind.Cached"/>.</summary>
    public CachedCallFlow? Cached { get; }

    /// <summary>Creates the state of a method in a cache.</summary>
    /// <param name="method">The method.</param>
    /// <param name="cache">The cache.</param>
    /// <param name="policies">The named policies.</param>
    /// <param name="callOriginal">Runs the original call on a miss; <see langword="null"/>: the method's own caller (<see cref="InterceptedMethod.CallOriginal"/>).</param>
    /// <returns>The state.</returns>
    public static InterceptedState Create(InterceptedMethod method, Cache cache, InterceptionPolicies policies, Func<Delegate, object?[], ValueTask<object?>>? callOriginal = null)
    {
        DecoratorSignature signature = method.Signature;
        if (method.Attribute is MemoizeAttribute memoize)
        {
            MemoizeOptions options = policies.MemoizeOptionsFor(method, memoize);
            Type resultType = signature.Kind is DecoratorReturnKind.Task or DecoratorReturnKind.ValueTask ? signature.ResultType : signature.ReturnType;

            // The implementation's method with the instance as first argument (an open-instance delegate to Memoize): the same
            // function name, parameter names ("self" first) and identity token as cache.Memoize(service.Method), so the same keys.
            var descriptor = new MemoizeDescriptor(cache, method.Implementation, virtualSelf: true, argumentOffset: 1, options, resultType, callOriginal ?? method.CallOriginal);
            cache.MemoizeRegistry.RegisterIntercepted(descriptor, method.Contract);
            return new InterceptedState(cache, new MemoizeBinding(descriptor, method.OpenFunction, Instance: null), cached: null);
        }

        CachedOptions cachedOptions = policies.CachedOptionsFor(method, (CachedAttribute)method.Attribute);
        var keys = new CachedKeyBuilder(cache, cachedOptions, method.Implementation);
        CacheTimeout? timeout = cachedOptions.Timeout;
        var flow = new CachedCallFlow(
            cache,
            cachedOptions,
            new CachedResultAdapter(signature.ResultType),
            invocation => cachedOptions.MakeCacheKey is { } make ? make(invocation) : keys.Build(null, null),
            () => timeout);
        return new InterceptedState(cache, memoize: null, flow);
    }
}
