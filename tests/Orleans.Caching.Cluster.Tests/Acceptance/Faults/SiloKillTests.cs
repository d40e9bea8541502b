using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;
using Orleans.Caching.Tests;
using Xunit.Abstractions;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Faults;

public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int KeysPerWriter = 25;
    private static readonly TimeSpan s_detection = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killing_a_silo_while_eight_clients_write_loses_no_acknowledged_write_through_write()
    {
        using var storage = new TempDirectory();
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3, SharedStorageDirectory = storage.Path }.Build();
        await cluster.DeployAsync();
        var writers = new ConcurrentWriter[Writers];
        for (int i = 0; i < Writers; i++)
        {
            writers[i] = new ConcurrentWriter(cluster.CreateClientServices(), i, KeysPerWriter);
        }

        try
        {
            using var stop = new CancellationTokenSource();
            Task[] running = writers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToArray();
            await Eventually.HoldsAsync(() => writers.All(w => w.Acknowledged >= 2 * KeysPerWriter), "every writer has written each of its keys twice");

            TestSilo victim = cluster.Silos[0];
            MembershipView before = victim.ClusterSilo.Membership.CurrentView;
            await cluster.KillSiloAsync(victim);
            await cluster.WaitForStableAsync(s_detection);
            long[] atDetection = writers.Select(w => w.Acknowledged).ToArray();

            await Eventually.HoldsAsync(
                () => writers.All(w => w.Acknowledged >= atDetection[w.Index] + KeysPerWriter),
                "every writer's writes succeed again after the death is detected",
                s_detection);
            await stop.CancelAsync();
            await Task.WhenAll(running);

            output.WriteLine($"Acknowledged writes: {writers.Sum(w => w.Acknowledged)}, {atDetection.Sum()} of them by the detection; failures: "
                + string.Join(", ", writers.SelectMany(w => w.Failures).GroupBy(f => f.GetType().Name).Select(g => $"{g.Key} x{g.Count()}")));
            Exception[] untyped = writers.SelectMany(w => w.Failures).Where(f => !ConcurrentWriter.IsTypedRejection(f)).ToArray();
            Assert.True(untyped.Length == 0, "Untyped failures: " + string.Join(Environment.NewLine, untyped.Select(f => f.ToString())));

            int ownedByVictim = writers.SelectMany(w => w.Keys).Count(k => victim.Address.Equals(before.SelectOwner(new GrainId(CacheGrainTypes.Entry, k))));
            Assert.InRange(ownedByVictim, 1, (Writers * KeysPerWriter) - 1);

            await using ServiceProvider reader = cluster.CreateClientServices();
            ICacheBackend cache = reader.GetRequiredService<Cache>().Backend;
            var lost = new List<string>();
            foreach (ConcurrentWriter writer in writers)
            {
                IReadOnlyList<byte[]?> values = await cache.GetManyAsync(writer.Keys, CancellationToken.None);
                for (int k = 0; k < KeysPerWriter; k++)
                {
                    Assert.True(writer.WasAcknowledged(k));
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
}
