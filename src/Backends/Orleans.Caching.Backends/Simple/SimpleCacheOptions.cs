namespace Orleans.Caching;

/// <summary>Options of <see cref="SimpleCache"/>.</summary>
public sealed class SimpleCacheOptions : CacheBackendOptions
{
    /// <summary>The threshold used when none (or 0) is configured.</summary>
    public const int DefaultThreshold = 500;

    /// <summary>Gets or sets the number of items above which the cache prunes before a write (<c>CACHE_THRESHOLD</c>); 0 means <see cref="DefaultThreshold"/>.</summary>
    /// <value>500.</value>
    public int Threshold { get; set; } = DefaultThreshold;
}
