using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<OrleansDistributedCacheOptions> options = services.AddOptions<OrleansDistributedCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), "OrleansDistributedCacheOptions.KeyPrefix must not be empty: it keeps distributed cache keys apart from the application's own keys.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache>(sp =>
        {
            OrleansDistributedCacheOptions value = sp.GetRequiredService<IOptions<OrleansDistributedCacheOptions>>().Value;
            Cache cache = value.CacheName is null ? sp.GetRequiredService<Cache>() : sp.GetRequiredKeyedService<Cache>(value.CacheName);
            return new OrleansDistributedCache(cache, value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OrleansDistributedCache>>());
        });
        return services;
    }
}
