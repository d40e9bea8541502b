namespace Orleans.Caching;

/// <summary>
/// A plain <see cref="ICacheRequestContext"/>, and the ambient one (<see cref="Current"/>) that <c>cached</c> key building
/// reads. The ambient context flows with the <see cref="ExecutionContext"/> (an <see cref="AsyncLocal{T}"/>).
/// </summary>
public sealed class CacheRequestContext : ICacheRequestContext
{
    private static readonly AsyncLocal<ICacheRequestContext?> s_current = new();

    /// <summary>Initializes a new instance of the <see cref="CacheRequestContext"/> class.</summary>
    /// <param name="path">The request path, such as <c>/works</c>.</param>
    /// <param name="queryString">The query string, with or without its leading <c>?</c>; percent-encoding and <c>+</c> are decoded, blank values kept.</param>
    public CacheRequestContext(string path, string? queryString = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Query = CachedQueryArguments.ParseQueryString(queryString ?? string.Empty);
    }

    /// <summary>Initializes a new instance of the <see cref="CacheRequestContext"/> class.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="query">The query parameters in request order.</param>
    public CacheRequestContext(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        Path = path;
        Query = query.ToList();
    }

    /// <summary>Gets or sets the ambient request context, or <see langword="null"/> outside a request.</summary>
    public static ICacheRequestContext? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Makes <paramref name="context"/> the ambient context until the returned scope is disposed, which restores the previous one.</summary>
    /// <param name="context">The context; <see langword="null"/> to run outside any request.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Push(ICacheRequestContext? context)
    {
        ICacheRequestContext? previous = Current;
        Current = context;
        return new Scope(previous);
    }

    /// <summary>Parses <c>/path?query</c> into a context and makes it ambient until the scope is disposed.</summary>
    /// <param name="pathAndQuery">The path, optionally followed by <c>?</c> and a query string.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Push(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        int question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return Push(question < 0
            ? new CacheRequestContext(pathAndQuery)
            : new CacheRequestContext(pathAndQuery[..question], pathAndQuery[(question + 1)..]));
    }

    private sealed class Scope(ICacheRequestContext? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Current = previous;
            }
        }
    }
}
