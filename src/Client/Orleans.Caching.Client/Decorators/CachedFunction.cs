namespace Orleans.Caching;

/// <summary>
/// A function wrapped by <see cref="Cache.Cached{TDelegate}(TDelegate, CachedOptions?)"/> (Flask-Caching's
/// <c>@cache.cached</c> on a function): <see cref="Invoke"/> answers from the cache, <see cref="Uncached"/> is the original.
/// </summary>
/// <typeparam name="TDelegate">The function's delegate type: any arity, returning a value, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask{TResult}"/> or <see cref="IAsyncEnumerable{T}"/>.</typeparam>
/// <remarks>
/// <para>The key does not depend on the arguments: by default it is <see cref="CachedOptions.KeyPrefix"/> with <c>%s</c>
/// replaced by the ambient request path (<see cref="CacheRequestContext.Current"/>) or, outside a request, by
/// <see cref="FunctionName"/>. Use <see cref="CachedOptions.MakeCacheKey"/> or <see cref="MakeCacheKey"/> to key by arguments.</para>
/// <para>A <see cref="CancellationToken"/> parameter of the delegate, if any, cancels the cache calls too.</para>
/// <para>Synchronous delegates block on the cache when its backend completes asynchronously (a remote backend); prefer
/// <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> functions there. <see cref="IAsyncEnumerable{T}"/> results are drained and
/// joined like Flask's generators, lazily: the cached call runs when the sequence is enumerated.</para>
/// </remarks>
public sealed class CachedFunction<TDelegate>
    where TDelegate : Delegate
{
    private readonly CachedKeyBuilder _keys;
    private Func<CacheInvocation, string> _makeCacheKey;

    /// <summary>Initializes a new instance of the <see cref="CachedFunction{TDelegate}"/> class.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="function">The function to wrap.</param>
    /// <param name="options">The options.</param>
    internal CachedFunction(Cache cache, TDelegate function, CachedOptions options)
    {
        DecoratorSignature signature = DecoratorSignature.For(typeof(TDelegate), "Cached");
        Cache = cache;
        Uncached = function;
        Options = options;
        CacheTimeout = options.Timeout;
        _keys = new CachedKeyBuilder(cache, options, function.Method);
        _makeCacheKey = DefaultCacheKey;
        var flow = new CachedCallFlow(cache, options, new CachedResultAdapter(signature.ResultType), ResolveCacheKey, () => CacheTimeout);
        Invoke = CachedDelegateInvoker.Create(function, signature, flow);
    }

    /// <summary>Gets the cached function: a delegate of the original's type whose calls go through the cache.</summary>
    public TDelegate Invoke { get; }

    /// <summary>Gets the original, undecorated function (<c>uncached</c>).</summary>
    public TDelegate Uncached { get; }

    /// <summary>Gets the cache results are stored in.</summary>
    public Cache Cache { get; }

    /// <summary>Gets the options the function was wrapped with; callbacks are read from them on each call.</summary>
    public CachedOptions Options { get; }

    /// <summary>Gets or sets the time-to-live of new entries (<c>cache_timeout</c>), read on each call; starts as
    /// <see cref="CachedOptions.Timeout"/>. A <see cref="CachedResponse"/> result's own timeout wins when set and not 0.</summary>
    /// <value><see langword="null"/> for the backend's default.</value>
    public CacheTimeout? CacheTimeout { get; set; }

    /// <summary>Gets the name that replaces <c>%s</c> in the prefix outside a request: the declaring type's full name, a dot,
    /// and the method name (for a lambda, the compiler-generated names, such as <c>MyApp.Reports+&lt;&gt;c.&lt;Load&gt;b__0_0</c>).</summary>
    public string FunctionName => _keys.FunctionName;

    /// <summary>Gets or sets the key function used when <see cref="CachedOptions.MakeCacheKey"/> is not set (the writable
    /// <c>make_cache_key</c> attribute). It starts as the built-in key (§2.1); a replacement's result is used as the key as it is.</summary>
    public Func<CacheInvocation, string> MakeCacheKey
    {
        get => _makeCacheKey;
        set => _makeCacheKey = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Computes the key a call with these arguments would use, outside a call (<c>f.make_cache_key(*args)</c>).</summary>
    /// <param name="arguments">The arguments, as the function takes them (only custom key functions look at them).</param>
    /// <returns>The key.</returns>
    public string GetCacheKey(params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return ResolveCacheKey(new CacheInvocation(Uncached, Uncached.Method, Uncached.Target, arguments));
    }

    /// <summary>Computes the built-in key for a path and query, outside a request (<c>f.make_cache_key(path=..., query_args=...)</c>).
    /// Custom key functions are not consulted. Named apart from <see cref="GetCacheKey(object?[])"/> so a string argument is never
    /// mistaken for a path.</summary>
    /// <param name="path">The path for <c>%s</c>; <see langword="null"/> uses the ambient request's, else <see cref="FunctionName"/>.</param>
    /// <param name="queryArgs">For <see cref="CachedOptions.QueryString"/>: a query string (<c>"a=1&amp;b=2"</c>, leading <c>?</c>
    /// allowed), pairs, a dictionary or an anonymous object; values that are not strings are written with the invariant culture.
    /// <see langword="null"/> uses the ambient request's query, else none.</param>
    /// <returns>The key.</returns>
    public string GetCacheKeyForPath(string? path, object? queryArgs = null) => _keys.Build(path, queryArgs);

    private string DefaultCacheKey(CacheInvocation invocation) => _keys.Build(null, null);

    private string ResolveCacheKey(CacheInvocation invocation) => (Options.MakeCacheKey ?? _makeCacheKey)(invocation);
}
