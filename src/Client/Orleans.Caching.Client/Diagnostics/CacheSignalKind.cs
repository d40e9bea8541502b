namespace Orleans.Caching;

/// <summary>Which decorator raised a signal.</summary>
public enum CacheSignalKind
{
    /// <summary>A <c>cached</c> function or view (Flask's <c>cache_view_hit</c> / <c>cache_view_miss</c>).</summary>
    Cached,

    /// <summary>A memoized function (Flask's <c>cache_memoize_hit</c> / <c>cache_memoize_miss</c>).</summary>
    Memoize,
}
