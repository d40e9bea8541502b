using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Caching;

[assembly: CacheBackendProvider(typeof(ClusterCacheBackendProvider))]

namespace Orleans.Caching;

/// <summary>Registers the <c>Cluster</c> backend (remote silos through a <see cref="ClusterCacheClient"/>) with every registry, and the
/// per-provider client with <c>services.AddOrleansCaching(...)</c>.</summary>
internal sealed class ClusterCacheBackendProvider : ICacheBackendProvider
{
    /// <summary>The backend name.</summary>
    public const string Name = "Cluster";

    /// <inheritdoc/>
    public void Register(CacheBackendRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add(Name, Create, "cluster");
    }

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ClusterCacheClient>();
    }

    private static ICacheBackend Create(CacheBackendFactoryContext context)
    {
        ClusterCacheClient client = context.Services.GetService<ClusterCacheClient>()
            ?? throw new CacheConfigurationException(
                context.SectionPath + ":Type",
                $"Invalid cache configuration: the Cluster backend of {context.SectionPath} uses a cluster client owned by the application's services, and none is "
                + "registered. Register caching with services.AddOrleansCaching(...), which adds it, or add services.AddSingleton<ClusterCacheClient>().",
                null);
        return client.CreateCache(context);
    }
}
