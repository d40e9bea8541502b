using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the cache grains with a silo's services.</summary>
public static class CacheGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cache grains: the classes (<c>cache-entry</c> → <see cref="CacheEntryGrain"/>, <c>memoize-version</c> →
    /// <see cref="MemoizeVersionGrain"/>) and their interfaces (<see cref="CacheGrainInterfaces.Registrations"/>). The silo also needs an
    /// <see cref="IGrainStorage"/> (a <see cref="BackendGrainStorage"/>, possibly wrapped, or <see cref="NullGrainStorage"/>).
    /// </summary>
    /// <param name="services">The silo's services (see <c>AddOrleansCachingSiloCore</c>).</param>
    /// <returns>The services.</returns>
    /// <remarks>Call it once per silo container.</remarks>
    public static IServiceCollection AddCacheGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (GrainClassRegistration registration in CacheGrainClasses.Registrations)
        {
            services.AddSingleton(registration);
        }

        foreach (GrainInterfaceRegistration registration in CacheGrainInterfaces.Registrations)
        {
            services.AddSingleton(registration);
        }

        return services;
    }
}
