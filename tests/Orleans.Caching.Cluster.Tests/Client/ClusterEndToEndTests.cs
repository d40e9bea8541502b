using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

public sealed class ClusterEndToEndTests
{
    [Fact]
    public async Task A_cluster_cache_over_real_sockets_routes_keys_to_their_owners_and_batches_per_silo()
    {
        var options = new ClusterOptions { ClusterId = "e2e", Secret = "s3cret" };
        MembershipTableSnapshot table = MembershipTableSnapshot.Empty;
        await using SocketTestSilo first = await SocketTestSilo.StartAsync(options, () => table);
        await using SocketTestSilo second = await SocketTestSilo.StartAsync(options, () => table);
        table = FakeCluster.SnapshotOf(3, [first.Address, second.Address]);
        var view = new MembershipView(table);
        var services = new ServiceCollection();
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:KeyPrefix"] = "e2e_",
            ["Caching:Cluster:ClusterId"] = "e2e",
            ["Caching:Cluster:Secret"] = "s3cret",
            ["Caching:Cluster:Gateways:0"] = $"localhost:{first.Address.Endpoint.Port}",
        }).Build());
        await using ServiceProvider provider = services.BuildServiceProvider();
        Cache cache = provider.GetRequiredService<Cache>();

        for (int i = 0; i < 20; i++)
        {
            Assert.True(await cache.SetAsync($"k{i}", i));
        }

        Assert.Equal(7, await cache.GetAsync<int>("k7"));
        Assert.Equal(5, await cache.Backend.IncrementAsync("counter", 5, CancellationToken.None));
        foreach (SocketTestSilo silo in new[] { first, second })
        {
            Assert.All(silo.Store.Keys, key => Assert.Equal(silo.Address, view.SelectOwner(new GrainId(CacheGrainTypes.Entry, key))));
        }

        Assert.Equal(21, first.Store.Count + second.Store.Count);
        Assert.True(first.Store.Count > 0 && second.Store.Count > 0);
        int entryCallsBefore = first.Received.Count + second.Received.Count;

        IReadOnlyList<byte[]?> values = await cache.Backend.GetManyAsync([.. Enumerable.Range(0, 20).Select(i => $"k{i}")], CancellationToken.None);

        Assert.All(values, Assert.NotNull);
        Assert.Equal(2, first.Received.Count + second.Received.Count - entryCallsBefore);
        Assert.True(await cache.ClearAsync());
        Assert.Empty(first.Store);
        Assert.Empty(second.Store);
        Assert.Equal(3, provider.GetRequiredService<ClusterCacheClient>().Client.CurrentView.Version);
    }
}
