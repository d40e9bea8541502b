using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Caching;
using Orleans.Caching.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables cached views: <c>[Cached]</c> and <c>[Memoize]</c> on controller actions and Razor Pages handlers, <c>.Cached(...)</c>
/// on minimal-API endpoints, and the ambient <see cref="CacheRequestContext"/> of each request.</summary>
public static class OrleansCachingViewsServiceCollectionExtensions
{
    /// <summary>Enables cached and memoized views. Call after (or before) <c>services.AddOrleansCaching(...)</c>; callbacks go in named
    /// policies (<c>services.AddCachedPolicy(name, ...)</c>, <c>services.AddMemoizePolicy(name, ...)</c>) that
    /// <see cref="CachingAttribute.Policy"/> and <see cref="CachingAttribute.Policy"/> name.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the application-wide settings, if given.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrleansCachingViews(this IServiceCollection services, Action<ViewCachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ViewCachingOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<CachedViews>();
        services.TryAddSingleton<CachedViewFilter>();
        services.TryAddSingleton<MemoizedViews>();
        services.TryAddSingleton<MemoizedViewFilter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, CacheRequestContextStartupFilter>());
        services.Configure<MvcOptions>(options =>
        {
            AddFilterOnce<CachedViewFilter>(options);
            AddFilterOnce<MemoizedViewFilter>(options);
        });
        return services;
    }

    private static void AddFilterOnce<TFilter>(MvcOptions options)
        where TFilter : Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata
    {
        foreach (Microsoft.AspNetCore.Mvc.Filters.IFilterMetadata filter in options.Filters)
        {
            if (filter is ServiceFilterAttribute { ServiceType: var type } && type == typeof(TFilter))
            {
                return;
            }
        }

        options.Filters.AddService<TFilter>();
    }
}
