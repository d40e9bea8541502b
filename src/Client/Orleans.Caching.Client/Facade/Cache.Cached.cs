namespace Orleans.Caching;

public partial class Cache
{
    /// <summary>
    /// Wraps a function so its result is cached under one key regardless of its arguments (Flask-Caching's
    /// <c>@cache.cached</c> on a function or view).
    /// </summary>
    /// <typeparam name="TDelegate">The function's delegate type, such as <c>Func&lt;int&gt;</c> or <c>Func&lt;string, Task&lt;Report&gt;&gt;</c>.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="options">The options; defaults (key prefix <c>view/%s</c>, backend timeout) when <see langword="null"/>.</param>
    /// <returns>The wrapper; call <see cref="CachedFunction{TDelegate}.Invoke"/>.</returns>
    /// <exception cref="ArgumentException">The function returns nothing (<see langword="void"/>, <see cref="Task"/>,
    /// <see cref="ValueTask"/>) or takes by-reference parameters.</exception>
    public CachedFunction<TDelegate> Cached<TDelegate>(TDelegate function, CachedOptions? options = null)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        return new CachedFunction<TDelegate>(this, function, options ?? new CachedOptions());
    }

    /// <summary>Wraps a function with a timeout and key prefix; see <see cref="Cached{TDelegate}(TDelegate, CachedOptions?)"/>.</summary>
    /// <typeparam name="TDelegate">The function's delegate type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="timeout">The time-to-live of cached results.</param>
    /// <param name="keyPrefix">The key prefix; <c>%s</c> is replaced by the request path or the function's name.</param>
    /// <returns>The wrapper.</returns>
    public CachedFunction<TDelegate> Cached<TDelegate>(TDelegate function, CacheTimeout timeout, string keyPrefix = CachedOptions.DefaultKeyPrefix)
        where TDelegate : Delegate
        => Cached(function, new CachedOptions { Timeout = timeout, KeyPrefix = keyPrefix });

    /// <summary>
    /// Deletes the entry a <c>cached</c> function stored for a path and query (Flask-Caching's <c>delete_cached</c>),
    /// through <see cref="DeleteAsync(string, CancellationToken)"/>; usable outside a request.
    /// </summary>
    /// <typeparam name="TDelegate">The function's delegate type.</typeparam>
    /// <param name="function">The wrapped function.</param>
    /// <param name="path">The path the entry was cached for; <see langword="null"/> uses the ambient request's, else the function's name.</param>
    /// <param name="queryArgs">For query-string keys: the query as a string, pairs, a dictionary or an anonymous object.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The backend's delete result (Simple: whether the key existed).</returns>
    public ValueTask<bool> DeleteCachedAsync<TDelegate>(CachedFunction<TDelegate> function, string? path = null, object? queryArgs = null, CancellationToken cancellationToken = default)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        return DeleteAsync(function.GetCacheKeyForPath(path, queryArgs), cancellationToken);
    }
}
