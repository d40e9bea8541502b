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
        var builder = new TestClusterBuilder { InitialSilosCount = 3, SharedStorageDirectory = storage.Path };

        // Only the stop's flush can save the data: the periodic flush would come after the test.
        builder.ConfigureSilo((_, settings) =>
        {
            settings["Caching:Silo:Persistence"] = "WriteBehind";
            settings["Caching:Silo:WriteBehindFlushInterval"] = "01:00:00";
        });
        await using TestCluster cluster = builder.Build();
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

    private static byte[] Value(int i) => Encoding.UTF8.GetBytes("value-" + i.ToString(CultureInfo.InvariantCulture));
}
