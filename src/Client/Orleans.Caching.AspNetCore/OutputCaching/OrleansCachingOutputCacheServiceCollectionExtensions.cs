using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching;
using Orleans.Caching.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ASP.NET Core's output cache store over Orleans.Caching.</summary>
public static class OrleansCachingOutputCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes the output cache (<c>[OutputCache]</c>, <c>.CacheOutput()</c>, <c>EvictByTagAsync</c>) store responses in an Orleans.Caching
    /// <see cref="Cache"/>, so cached responses and tag evictions are shared by every process using that cache. The application still calls
    /// <c>services.AddOutputCache()</c> and <c>app.UseOutputCache()</c>, and registers the cache with <c>AddOrleansCaching</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the key prefix or the keyed cache to use.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrleansCachingOutputCache(this IServiceCollection services, Action<OrleansOutputCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<OrleansOutputCacheOptions> options = services.AddOptions<OrleansOutputCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), "OrleansOutputCacheOptions.KeyPrefix must not be empty: it keeps output cache keys apart from the application's own keys.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            OrleansOutputCacheOptions value = sp.GetRequiredService<IOptions<OrleansOutputCacheOptions>>().Value;
            Cache cache = value.CacheName is null ? sp.GetRequiredService<Cache>() : sp.GetRequiredKeyedService<Cache>(value.CacheName);
            return new OrleansOutputCacheStore(cache, value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OrleansOutputCacheStore>>());
        });
        return services;
    }
}
