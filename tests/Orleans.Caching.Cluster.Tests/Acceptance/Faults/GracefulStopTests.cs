using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Faults;

public sealed class GracefulStopTests
{
    private const int KeyCount = 150;

    [Fact]
    public async Task A_graceful_stop_loses_nothing_with_write_behind_persistence()
    {
        using var storage = new TempDirectory();
        await using TestCluster cluster = WriteBehindCluster(storage);
        await cluster.DeployAsync();
        await using ServiceProvider client = cluster.CreateClientServices();
        ICacheBackend cache = client.GetRequiredService<Cache>().Backend;
        string[] keys = Enumerable.Range(0, KeyCount).Select(i => "stop-key" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < KeyCount; i++)
        {
            Assert.True(await cache.SetAsync(keys[i], Value(i), CacheTimeout.Never, CancellationToken.None));
        }

        TestSilo leaving = cluster.Silos[1];
        MembershipView view = leaving.ClusterSilo.Membership.CurrentView;
        int onLeaving = keys.Count(k => leaving.Address.Equals(view.SelectOwner(new GrainId(CacheGrainTypes.Entry, k))));
        Assert.InRange(onLeaving, 1, KeyCount - 1);
        Assert.Equal(onLeaving, leaving.ClusterSilo.Runtime.ActivationCount);
        Assert.Empty(Directory.EnumerateFiles(storage.Path, "*", SearchOption.AllDirectories));

        await cluster.StopSiloAsync(leaving);
        await cluster.WaitForStableAsync(TimeSpan.FromSeconds(30));

        Assert.NotEmpty(Directory.EnumerateFiles(storage.Path, "*", SearchOption.AllDirectories));
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(keys, CancellationToken.None);
        for (int i = 0; i < KeyCount; i++)
        {
            Assert.Equal(Value(i), values[i]);
        }
    }

    [Fact]
    public async Task A_graceful_stop_while_clients_write_loses_no_acknowledged_write_with_write_behind_persistence()
    {
        using var storage = new TempDirectory();
        await using TestCluster cluster = WriteBehindCluster(storage);
        await cluster.DeployAsync();
        var writers = new ConcurrentWriter[4];
        for (int i = 0; i < writers.Length; i++)
        {
            writers[i] = new ConcurrentWriter(cluster.CreateClientServices(), i, 25);
        }

        try
        {
            using var stop = new CancellationTokenSource();
            Task[] running = writers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToArray();
            await Eventually.HoldsAsync(() => writers.All(w => w.Acknowledged >= 50), "every writer has written each of its keys twice");

            await cluster.StopSiloAsync(cluster.Silos[1]);
            await cluster.WaitForStableAsync(TimeSpan.FromSeconds(30));
            long[] atStop = writers.Select(w => w.Acknowledged).ToArray();
            await Eventually.HoldsAsync(() => writers.All(w => w.Acknowledged >= atStop[w.Index] + 25), "every writer's writes succeed after the stop");
            await stop.CancelAsync();
            await Task.WhenAll(running);

            Exception[] untyped = writers.SelectMany(w => w.Failures).Where(f => !ConcurrentWriter.IsTypedRejection(f)).ToArray();
            Assert.True(untyped.Length == 0, "Untyped failures: " + string.Join(Environment.NewLine, untyped.Select(f => f.ToString())));
            await using ServiceProvider reader = cluster.CreateClientServices();
            ICacheBackend cache = reader.GetRequiredService<Cache>().Backend;
            var lost = new List<string>();
            foreach (ConcurrentWriter writer in writers)
            {
                IReadOnlyList<byte[]?> values = await cache.GetManyAsync(writer.Keys, CancellationToken.None);
                for (int k = 0; k < writer.Keys.Length; k++)
                {
                    if (writer.Check(k, values[k]) is { } problem)
                    {
                        lost.Add(problem);
                    }
                }
            }

            Assert.True(lost.Count == 0, "Lost acknowledged writes: " + string.Join("; ", lost));
        }
        finally
        {
            foreach (ConcurrentWriter writer in writers)
            {
                await writer.DisposeAsync();
            }
        }
    }

    private static TestCluster WriteBehindCluster(TempDirectory storage)
    {
        var builder = new TestClusterBuilder { InitialSilosCount = 3, SharedStorageDirectory = storage.Path };

        // Only the stop's flush can save the data: the periodic flush would come after the test.
        builder.ConfigureSilo((_, settings) =>
        {
            settings["Caching:Silo:Persistence"] = "WriteBehind";
            settings["Caching:Silo:WriteBehindFlushInterval"] = "01:00:00";
        });
        return builder.Build();
    }

    private static byte[] Value(int i) => Encoding.UTF8.GetBytes("value-" + i.ToString(CultureInfo.InvariantCulture));
}
