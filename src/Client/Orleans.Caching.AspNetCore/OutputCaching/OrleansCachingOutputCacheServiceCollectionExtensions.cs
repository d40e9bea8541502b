using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
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
        => CacheAdapterRegistration.Replace<IOutputCacheStore, OrleansOutputCacheOptions>(
            services,
            configure,
            "output cache keys",
            static (cache, options, sp) => new OrleansOutputCacheStore(cache, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OrleansOutputCacheStore>>()));
}
