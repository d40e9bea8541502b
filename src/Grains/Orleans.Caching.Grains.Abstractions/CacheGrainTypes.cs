using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The grain type names of the cache grains.</summary>
public static class CacheGrainTypes
{
    /// <summary>Gets the type of <see cref="ICacheEntryGrain"/>: <c>cache-entry</c>.</summary>
    public static GrainType Entry { get; } = new("cache-entry");

    /// <summary>Gets the type of <see cref="IMemoizeVersionGrain"/>: <c>memoize-version</c>.</summary>
    public static GrainType MemoizeVersion { get; } = new("memoize-version");

    /// <summary>Gets the type of the per-silo system target <see cref="ICacheClusterControl"/>: <c>sys.cache-control</c> (key: the silo's address).</summary>
    public static GrainType ClusterControl { get; } = new(SystemTargets.TypePrefix + "cache-control");
}
