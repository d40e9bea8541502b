using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Caching;
using Orleans.Caching.Silo;

[assembly: CacheBackendProvider(typeof(LocalCacheBackendProvider))]

namespace Orleans.Caching.Silo;

/// <summary>Registers the <c>Local</c> backend (an embedded silo) with every registry of an application that references this package,
/// and the per-provider <see cref="LocalCacheSilo"/> with <c>services.AddOrleansCaching(...)</c>.</summary>
internal sealed class LocalCacheBackendProvider : ICacheBackendProvider
{
    /// <summary>The backend name.</summary>
    public const string Name = "Local";

    /// <inheritdoc/>
    public void Register(CacheBackendRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add(Name, Create, "local");
    }

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LocalCacheSilo>();
    }

    /// <summary>Builds a <see cref="GrainCache"/> over the application's embedded silo, starting it on first use.</summary>
    /// <param name="context">The factory context.</param>
    /// <returns>The backend.</returns>
    /// <exception cref="CacheConfigurationException">The silo is not registered, or its configuration is invalid.</exception>
    private static ICacheBackend Create(CacheBackendFactoryContext context)
    {
        LocalCacheSilo silo = context.Services.GetService<LocalCacheSilo>()
            ?? throw new CacheConfigurationException(
                context.SectionPath + ":Type",
                $"Invalid cache configuration: the Local backend of {context.SectionPath} runs an embedded silo owned by the application's services, and none is "
                + "registered. Register caching with services.AddOrleansCaching(...), which adds it, or add services.AddSingleton<LocalCacheSilo>().",
                null);
        LocalSiloRuntime runtime = silo.GetOrStart(context);
        return new GrainCache(runtime.Silo.GrainFactory, silo, context.CreateOptions<CacheBackendOptions>(), context.TimeProvider);
    }
}
