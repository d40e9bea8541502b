using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Caching;

/// <summary>Names of the meters, instruments and activity sources Orleans.Caching publishes; subscribe to them with OpenTelemetry.</summary>
public static class OrleansCachingDiagnostics
{
    /// <summary>The name of the <see cref="Meter"/> and <see cref="ActivitySource"/>.</summary>
    public const string Name = "Orleans.Caching";

    /// <summary>Counter of decorator hits; tag <see cref="DecoratorTag"/>.</summary>
    public const string DecoratorHits = "orleans.caching.decorator.hits";

    /// <summary>Counter of decorator misses (forced updates and stale hits included); tag <see cref="DecoratorTag"/>.</summary>
    public const string DecoratorMisses = "orleans.caching.decorator.misses";

    /// <summary>Counter of cache failures a decorator swallowed and ran the function uncached; tag <see cref="DecoratorTag"/>.</summary>
    public const string DecoratorErrors = "orleans.caching.decorator.errors";

    /// <summary>The tag naming the decorator: <c>cached</c> or <c>memoize</c>.</summary>
    public const string DecoratorTag = "orleans.caching.decorator";

    internal static readonly Meter Meter = new(Name);
    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Counter<long> Hits = Meter.CreateCounter<long>(DecoratorHits, description: "Calls of cached or memoized functions answered from the cache.");
    internal static readonly Counter<long> Misses = Meter.CreateCounter<long>(DecoratorMisses, description: "Calls of cached or memoized functions that ran the function.");
    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(DecoratorErrors, description: "Cache failures swallowed by a decorator.");

    internal static KeyValuePair<string, object?> Tag(CacheSignalKind kind)
        => new(DecoratorTag, kind == CacheSignalKind.Cached ? "cached" : "memoize");
}
