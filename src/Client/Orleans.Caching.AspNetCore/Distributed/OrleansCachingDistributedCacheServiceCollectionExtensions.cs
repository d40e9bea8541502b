using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Orleans.Caching;
using Orleans.Caching.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IDistributedCache"/> over Orleans.Caching.</summary>
public static class OrleansCachingDistributedCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="IDistributedCache"/> (also an <see cref="IBufferDistributedCache"/>) store values in an Orleans.Caching
    /// <see cref="Cache"/>, replacing any registered one: sessions (<c>AddSession</c>), the <c>&lt;distributed-cache&gt;</c> tag helper and
    /// HybridCache then share the cache of every process using it. Register the cache itself with <c>AddOrleansCaching</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the key prefix or the keyed cache to use.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrleansCachingDistributedCache(this IServiceCollection services, Action<OrleansDistributedCacheOptions>? configure = null)
        => CacheAdapterRegistration.Replace<IDistributedCache, OrleansDistributedCacheOptions>(
            services,
            configure,
            "distributed cache keys",
            static (cache, options, sp) => new OrleansDistributedCache(cache, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OrleansDistributedCache>>()));
}
