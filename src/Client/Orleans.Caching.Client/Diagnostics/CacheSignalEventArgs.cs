namespace Orleans.Caching;

/// <summary>The payload of <see cref="Cache.Hit"/> and <see cref="Cache.Miss"/> (Flask-Caching's signals).</summary>
public sealed class CacheSignalEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="CacheSignalEventArgs"/> class.</summary>
    /// <param name="kind">The decorator that raised it.</param>
    /// <param name="cacheKey">The cache key.</param>
    /// <param name="invocation">The call.</param>
    public CacheSignalEventArgs(CacheSignalKind kind, string cacheKey, CacheInvocation invocation)
    {
        Kind = kind;
        CacheKey = cacheKey;
        Invocation = invocation;
    }

    /// <summary>Gets the decorator that raised the signal.</summary>
    public CacheSignalKind Kind { get; }

    /// <summary>Gets the cache key (<c>cache_key</c>).</summary>
    public string CacheKey { get; }

    /// <summary>Gets the call: the undecorated function (<c>f</c>) and its raw arguments (<c>args</c>).</summary>
    public CacheInvocation Invocation { get; }
}
