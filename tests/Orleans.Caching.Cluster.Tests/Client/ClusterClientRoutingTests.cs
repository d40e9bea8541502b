using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

public sealed class ClusterClientRoutingTests
{
    private static ICacheEntryGrain Entry(ClusterClient client, string key) => new CacheEntryGrainReference(new GrainId(CacheGrainTypes.Entry, key), client);

    [Fact]
    public async Task Each_key_goes_to_its_rendezvous_owner()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);

        for (int i = 0; i < 30; i++)
        {
            Assert.True(await Entry(client, $"key-{i}").SetAsync([(byte)i], null));
        }

        Assert.Equal(1, client.CurrentView.Version);
        Assert.Equal(3, client.CurrentView.ActiveSilos.Count);
        for (int i = 0; i < 30; i++)
        {
            FakeSilo owner = cluster.Owner($"key-{i}");
            Assert.Equal([(byte)i], owner.Store[$"key-{i}"]);
            Assert.Contains(owner.Received, r => r.Grain.Key == $"key-{i}");
            Assert.All(cluster.Silos.Where(s => s != owner), s => Assert.DoesNotContain(s.Received, r => r.Grain.Key == $"key-{i}"));
        }

        Assert.All(cluster.Silos, s => Assert.True(s.Received.Count > 0));
    }

    [Fact]
    public async Task One_connection_per_silo_is_shared_by_concurrent_calls()
    {
        var cluster = new FakeCluster(2);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        int afterStart = cluster.ConnectCount;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Entry(client, $"k{i}").GetAsync().AsTask()));

        Assert.True(cluster.ConnectCount - afterStart <= 2, $"{cluster.ConnectCount - afterStart} connects for 2 silos");
        Assert.All(cluster.Silos, s => Assert.Single(cluster.Connections, c => c.Silo == s && c.IsOpen));
    }

    [Fact]
    public async Task Gossip_with_a_newer_version_is_adopted_and_raises_ViewChanged()
    {
        var cluster = new FakeCluster(2);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        var changed = new TaskCompletionSource<MembershipView>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ViewChanged += view => changed.TrySetResult(view);
        FakeSilo added = cluster.AddSilo();

        cluster.Gossip(FakeCluster.SnapshotOf(1, [added.Address]));
        cluster.Gossip(FakeCluster.SnapshotOf(5, cluster.Silos.Select(s => s.Address)));

        MembershipView adopted = await changed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(5, adopted.Version);
        Assert.Equal(5, client.CurrentView.Version);
        Assert.True(client.CurrentView.IsActive(added.Address));
    }

    [Fact]
    public async Task Starting_with_no_reachable_gateway_names_the_setting()
    {
        var cluster = new FakeCluster(2);
        foreach (FakeSilo silo in cluster.Silos)
        {
            silo.Down = true;
        }

        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);

        var error = await Assert.ThrowsAsync<GrainCallRejectedException>(() => client.StartAsync(CancellationToken.None));
        Assert.Equal(RejectionReason.Unavailable, error.Reason);
        Assert.Contains("Caching:Cluster:Gateways", error.Message);
    }

    [Fact]
    public async Task A_call_before_start_is_refused()
    {
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => { _ = Entry(client, "k").GetAsync(); });
    }

    [Fact]
    public async Task Application_errors_keep_their_framework_type()
    {
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<NotSupportedException>(async () => await Entry(client, "k").GetOrLeaseAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_system_target_goes_to_the_silo_in_its_key()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        FakeSilo target = cluster.Silos[1];

        bool cleared = await client.InvokeAsync(SystemTargets.ForSilo(CacheGrainTypes.ClusterControl, target.Address), CacheControlClearRequest.Instance, CancellationToken.None);

        Assert.True(cleared);
        Assert.Equal(1, target.ClearCount);
        Assert.All(cluster.Silos.Where(s => s != target), s => Assert.Equal(0, s.ClearCount));
    }
}
