using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the cache's per-silo system target with a cluster silo's services.</summary>
public static class CacheClusterControlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICacheClusterControl"/> (<c>sys.cache-control</c>) as a <see cref="SystemTargetRegistration"/>: batches of
    /// <c>get_many</c>/<c>set_many</c>/<c>delete_many</c> and <c>clear</c> sent by clients as one frame per silo. It resolves the silo's
    /// <see cref="IGrainFactory"/> (which must route to each key's owner) and <see cref="ICacheSiloControl"/> (which clears this silo).
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCacheClusterControl(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new SystemTargetRegistration(
            CacheGrainTypes.ClusterControl,
            static sp => new CacheClusterControl(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<ICacheSiloControl>())));
        return services;
    }
}
