using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The interface registrations of the cache grains, for grain factories and silo catalogs.</summary>
public static class CacheGrainInterfaces
{
    /// <summary>Gets the registration of <see cref="ICacheEntryGrain"/> (type <c>cache-entry</c>).</summary>
    public static GrainInterfaceRegistration Entry { get; } = new(
        typeof(ICacheEntryGrain), CacheGrainTypes.Entry, static (grainId, invoker) => new CacheEntryGrainReference(grainId, invoker));

    /// <summary>Gets the registration of <see cref="IMemoizeVersionGrain"/> (type <c>memoize-version</c>).</summary>
    public static GrainInterfaceRegistration MemoizeVersion { get; } = new(
        typeof(IMemoizeVersionGrain), CacheGrainTypes.MemoizeVersion, static (grainId, invoker) => new MemoizeVersionGrainReference(grainId, invoker));

    /// <summary>Gets both registrations.</summary>
    public static IReadOnlyList<GrainInterfaceRegistration> Registrations { get; } = [Entry, MemoizeVersion];
}
