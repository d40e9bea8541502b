using System.Diagnostics;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Client;

public sealed class ClusterClientRetryTests
{
    private static ICacheEntryGrain Entry(ClusterClient client, string key) => new CacheEntryGrainReference(new GrainId(CacheGrainTypes.Entry, key), client);

    private static string KeyMovingTo(FakeCluster cluster, MembershipTableSnapshot before, FakeSilo newOwner)
    {
        for (int i = 0; ; i++)
        {
            string key = $"moving-{i}";
            var grain = new GrainId(CacheGrainTypes.Entry, key);
            if (newOwner.Address.Equals(new MembershipView(cluster.Snapshot).SelectOwner(grain)) && new MembershipView(before).SelectOwner(grain) is not null)
            {
                return key;
            }
        }
    }

    [Fact]
    public async Task NotOwner_with_a_newer_version_refreshes_the_view_and_retries_at_the_new_owner()
    {
        var cluster = new FakeCluster(2);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        MembershipTableSnapshot before = cluster.Snapshot;
        FakeSilo added = cluster.AddSilo();
        cluster.Snapshot = FakeCluster.SnapshotOf(2, cluster.Silos.Select(s => s.Address));
        string key = KeyMovingTo(cluster, before, added);
        SiloAddress oldOwner = new MembershipView(before).SelectOwner(new GrainId(CacheGrainTypes.Entry, key))!;

        Assert.True(await Entry(client, key).SetAsync([42], null));

        Assert.Equal(2, client.CurrentView.Version);
        Assert.Equal([42], added.Store[key]);
        FakeSilo stale = cluster.Silos.Single(s => s.Address.Equals(oldOwner));
        Assert.Contains(stale.Received, r => r.Grain.Key == key);
        Assert.False(stale.Store.ContainsKey(key));
    }

    [Fact]
    public async Task A_lost_connection_retries_an_idempotent_get()
    {
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        FakeSilo silo = cluster.Silos[0];
        silo.Store["k"] = [7];
        int drops = 0;
        silo.Behavior = (_, _) => Interlocked.Increment(ref drops) == 1 ? FakeSiloAction.Drop : FakeSiloAction.Default;

        byte[]? value = await Entry(client, "k").GetAsync();

        Assert.Equal([7], value);
        Assert.Equal(2, drops);
        Assert.True(cluster.Connections.Count(c => c.Silo == silo) >= 2, "the client reconnected after the drop");
    }

    [Fact]
    public async Task A_lost_connection_surfaces_for_a_non_idempotent_increment()
    {
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        FakeSilo silo = cluster.Silos[0];
        int calls = 0;
        silo.Behavior = (_, _) => Interlocked.Increment(ref calls) == 1 ? FakeSiloAction.Drop : FakeSiloAction.Default;

        await Assert.ThrowsAsync<ConnectionClosedException>(async () => await Entry(client, "counter").IncrementAsync(1, null));

        Assert.Equal(1, calls);
        Assert.Equal(1, await Entry(client, "counter").IncrementAsync(1, null));
    }

    [Fact]
    public async Task A_call_without_a_response_times_out_and_is_forgotten()
    {
        var time = new FakeTimeProvider();
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(time, o => o.ResponseTimeout = TimeSpan.FromSeconds(2));
        await client.StartAsync(CancellationToken.None);
        FakeSilo silo = cluster.Silos[0];
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.Behavior = (_, _) =>
        {
            received.TrySetResult();
            return FakeSiloAction.Hang;
        };

        Task<byte[]?> call = Entry(client, "slow").GetAsync().AsTask();
        await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.5));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(RejectionReason.Timeout, error.Reason);
        Assert.Equal("slow", error.GrainId.Key);
        Assert.All(cluster.Connections, c => Assert.Equal(0, c.PendingCount));
    }

    [Fact]
    public async Task Cancellation_stops_waiting_for_the_response()
    {
        var cluster = new FakeCluster(1);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        cluster.Silos[0].Behavior = (_, _) => FakeSiloAction.Hang;
        using var cancel = new CancellationTokenSource();

        Task<byte[]?> call = Entry(client, "k").GetAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_retry_deadline_bounds_NotOwner_retries()
    {
        var cluster = new FakeCluster(2);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System, o => o.RetryDeadline = TimeSpan.FromSeconds(1));
        await client.StartAsync(CancellationToken.None);
        foreach (FakeSilo silo in cluster.Silos)
        {
            silo.Behavior = (_, _) => FakeSiloAction.NotOwner;
        }

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GrainCallRejectedException>(async () => await Entry(client, "k").GetAsync());

        Assert.Equal(RejectionReason.NotOwner, error.Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
        Assert.True(cluster.Silos.Sum(s => s.Received.Count) > 2, "the call was retried");
    }

    [Fact]
    public async Task An_unreachable_owner_is_suspected_and_the_call_goes_to_the_new_owner_after_a_refresh()
    {
        var cluster = new FakeCluster(3);
        await using ClusterClient client = cluster.CreateClient(TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        FakeSilo dead = cluster.Owner("victim");
        foreach (FakeSiloConnection connection in cluster.Connections.Where(c => c.Silo == dead))
        {
            await connection.DisposeAsync();
        }

        dead.Down = true;
        cluster.Snapshot = FakeCluster.SnapshotOf(2, cluster.Silos.Where(s => s != dead).Select(s => s.Address));

        Assert.True(await Entry(client, "victim").SetAsync([1], null));

        Assert.Equal(2, client.CurrentView.Version);
        Assert.Equal([1], cluster.Owner("victim").Store["victim"]);
        Assert.NotSame(dead, cluster.Owner("victim"));
    }
}
