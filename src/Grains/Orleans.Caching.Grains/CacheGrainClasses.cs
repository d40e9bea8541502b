using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The class registrations of the cache grains, for silos: which class implements each cache grain type.</summary>
public static class CacheGrainClasses
{
    private static readonly CacheGrainOptions s_defaultOptions = new();

    /// <summary>Gets the registration of <see cref="CacheEntryGrain"/>; its limits come from <see cref="IOptions{TOptions}"/> of
    /// <see cref="CacheGrainOptions"/> when the silo's services have them, the defaults otherwise.</summary>
    public static GrainClassRegistration Entry { get; } = new(
        CacheGrainTypes.Entry, typeof(ICacheEntryGrain), static (services, _) => new CacheEntryGrain(GetOptions(services)));

    /// <summary>Gets the registration of <see cref="MemoizeVersionGrain"/>.</summary>
    public static GrainClassRegistration MemoizeVersion { get; } = new(
        CacheGrainTypes.MemoizeVersion, typeof(IMemoizeVersionGrain), static (_, _) => new MemoizeVersionGrain());

    /// <summary>Gets both registrations.</summary>
    public static IReadOnlyList<GrainClassRegistration> Registrations { get; } = [Entry, MemoizeVersion];

    private static CacheGrainOptions GetOptions(IServiceProvider services)
        => services.GetService<IOptions<CacheGrainOptions>>()?.Value ?? s_defaultOptions;
}
