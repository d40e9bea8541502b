using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

public sealed class ClusterBatchTests
{
    private static (GrainCache Cache, ClusterBatchInvoker Batches) CacheOver(ClusterClient client, string prefix = "")
    {
        var grains = new GrainFactory(CacheGrainInterfaces.Registrations, client);
        var batches = new ClusterBatchInvoker(client, grains);
        return (new GrainCache(grains, batches, batches, new CacheBackendOptions { KeyPrefix = prefix }, TimeProvider.System), batches);
    }

    private static int ControlCalls(FakeSilo silo, string method) => silo.Received.Count(r => r.Grain.Type == CacheGrainTypes.ClusterControl && r.Method == method);

    [Fact]
    public async Task Get_many_sends_one_call_per_owner_silo_with_full_keys()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        string[] keys = [.. Enumerable.Range(0, 20).Select(i => $"k{i}")];
        foreach (string key in keys.Where((_, i) => i % 2 == 0))
        {
            cluster.Owner("app_" + key).Store["app_" + key] = [1];
        }

        (GrainCache cache, _) = CacheOver(client, "app_");
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(keys, CancellationToken.None);

        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? [1] : null, values[i]);
        }

        Assert.All(cluster.Silos, s => Assert.Equal(1, ControlCalls(s, nameof(ICacheClusterControl.GetManyAsync))));
        Assert.All(cluster.Silos, s => Assert.DoesNotContain(s.Received, r => r.Grain.Type == CacheGrainTypes.Entry));
    }

    [Fact]
    public async Task Set_many_and_delete_many_store_each_key_at_its_owner_in_one_call_per_silo()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        (GrainCache cache, _) = CacheOver(client);
        var items = Enumerable.Range(0, 12).Select(i => new KeyValuePair<string, ReadOnlyMemory<byte>>($"s{i}", new[] { (byte)i })).ToList();

        IReadOnlyList<string> stored = await cache.SetManyAsync(items, null, CancellationToken.None);
        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(items.Take(6).Select(i => i.Key).ToList(), CancellationToken.None);

        Assert.Equal(items.Select(i => i.Key), stored);
        Assert.Equal(items.Take(6).Select(i => i.Key), deleted);
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(i >= 6, cluster.Owner($"s{i}").Store.ContainsKey($"s{i}"));
        }

        Assert.All(cluster.Silos, s => Assert.Equal(1, ControlCalls(s, nameof(ICacheClusterControl.SetManyAsync))));
        Assert.Equal(cluster.Silos.Count(s => Enumerable.Range(0, 6).Any(i => cluster.Owner($"s{i}") == s)), cluster.Silos.Sum(s => ControlCalls(s, nameof(ICacheClusterControl.DeleteManyAsync))));
    }

    [Fact]
    public async Task A_batch_rejected_as_not_owner_falls_back_to_per_key_calls()
    {
        var cluster = new FakeCluster(2);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        FakeSilo refusing = cluster.Silos[0];
        refusing.Behavior = (grain, _) => grain.Type == CacheGrainTypes.ClusterControl ? FakeSiloAction.NotOwner : FakeSiloAction.Default;
        string[] keys = [.. Enumerable.Range(0, 10).Select(i => $"f{i}")];
        foreach (string key in keys)
        {
            cluster.Owner(key).Store[key] = [9];
        }

        (GrainCache cache, _) = CacheOver(client);
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(keys, CancellationToken.None);

        Assert.All(values, v => Assert.Equal([9], v));
        Assert.Equal(keys.Count(k => cluster.Owner(k) == refusing), refusing.Received.Count(r => r.Grain.Type == CacheGrainTypes.Entry));
        Assert.Equal(0, cluster.Silos[1].Received.Count(r => r.Grain.Type == CacheGrainTypes.Entry));
    }

    [Fact]
    public async Task Clear_clears_every_active_silo()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        (GrainCache cache, _) = CacheOver(client);
        await cache.SetAsync("a", new byte[] { 1 }, null, CancellationToken.None);

        Assert.True(await cache.ClearAsync(CancellationToken.None));

        Assert.All(cluster.Silos, s => Assert.Equal(1, s.ClearCount));
        Assert.False(await cache.HasAsync("a", CancellationToken.None));
    }
}
