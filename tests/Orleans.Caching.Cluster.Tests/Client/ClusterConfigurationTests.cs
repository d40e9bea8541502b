using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

public sealed class ClusterConfigurationTests
{
    private static CacheConfigurationException BuildFails(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IFrameConnector>(new FakeCluster(1));
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using ServiceProvider provider = services.BuildServiceProvider();
        return Assert.Throws<CacheConfigurationException>(() => provider.GetRequiredService<Cache>());
    }

    [Fact]
    public void A_cluster_cache_without_gateways_names_the_key()
    {
        CacheConfigurationException error = BuildFails(new() { ["Caching:Type"] = "Cluster" });

        Assert.Equal("Caching:Cluster:Gateways", error.Key);
        Assert.Contains("Caching:Cluster:Gateways", error.Message);
    }

    [Fact]
    public void A_malformed_gateway_names_its_entry()
    {
        CacheConfigurationException error = BuildFails(new() { ["Caching:Type"] = "cluster", ["Caching:Cluster:Gateways:0"] = "silo-0:11111", ["Caching:Cluster:Gateways:1"] = "silo-1" });

        Assert.Equal("Caching:Cluster:Gateways:1", error.Key);
        Assert.Contains("'silo-1'", error.Message);
    }

    [Fact]
    public void A_non_positive_timeout_names_its_key()
    {
        CacheConfigurationException error = BuildFails(new() { ["Caching:Type"] = "Cluster", ["Caching:Cluster:Gateways"] = "127.0.0.1:1", ["Caching:Cluster:ResponseTimeout"] = "00:00:00" });

        Assert.Equal("Caching:Cluster:ResponseTimeout", error.Key);
    }

    [Fact]
    public async Task A_cluster_cache_reaches_the_silos_through_one_shared_client()
    {
        var cluster = new FakeCluster(2);
        var services = new ServiceCollection();
        services.AddSingleton<IFrameConnector>(cluster);
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:KeyPrefix"] = "app_",
            ["Caching:Cluster:Gateways"] = string.Join(",", cluster.Gateways),
        }).Build());
        await using ServiceProvider provider = services.BuildServiceProvider();

        Cache cache = provider.GetRequiredService<Cache>();
        await cache.SetAsync("k", "v");

        var grainCache = Assert.IsType<GrainCache>(cache.Backend);
        Assert.NotNull(grainCache);
        Assert.True(provider.GetRequiredService<ClusterCacheClient>().IsStarted);
        Assert.True(cluster.Owner("app_k").Store.ContainsKey("app_k"));
        Assert.Equal("v", await cache.GetAsync<string>("k"));
        Assert.Equal(2, provider.GetRequiredService<ClusterCacheClient>().Client.CurrentView.ActiveSilos.Count);
    }
}
