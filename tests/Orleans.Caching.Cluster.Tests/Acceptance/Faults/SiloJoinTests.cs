using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Faults;

public sealed class SiloJoinTests
{
    private const int KeyCount = 300;

    [Fact]
    public async Task Adding_a_silo_moves_only_the_keys_it_now_owns_and_their_values_survive()
    {
        using var storage = new TempDirectory();
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3, SharedStorageDirectory = storage.Path }.Build();
        await cluster.DeployAsync();
        await using ServiceProvider client = cluster.CreateClientServices();
        ICacheBackend cache = client.GetRequiredService<Cache>().Backend;
        GrainId[] grains = Enumerable.Range(0, KeyCount).Select(i => new GrainId(CacheGrainTypes.Entry, Key(i))).ToArray();
        for (int i = 0; i < KeyCount; i++)
        {
            Assert.True(await cache.SetAsync(Key(i), Value(i), CacheTimeout.Never, CancellationToken.None));
        }

        MembershipView before = cluster.Silos[0].ClusterSilo.Membership.CurrentView;
        SiloAddress[] ownersBefore = grains.Select(g => before.SelectOwner(g)!).ToArray();
        Assert.All(grains.Zip(ownersBefore), pair => Assert.Contains(pair.First, HolderOf(cluster, pair.Second).ClusterSilo.Runtime.GetActiveGrains()));

        TestSilo added = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForStableAsync(TimeSpan.FromSeconds(30));

        MembershipView after = added.ClusterSilo.Membership.CurrentView;
        var moved = new List<GrainId>();
        for (int i = 0; i < KeyCount; i++)
        {
            SiloAddress owner = after.SelectOwner(grains[i])!;
            if (!owner.Equals(ownersBefore[i]))
            {
                Assert.Equal(added.Address, owner);
                moved.Add(grains[i]);
            }
        }

        // Rendezvous hashing gives the fourth silo about a quarter of the keys.
        Assert.InRange(moved.Count, KeyCount / 8, KeyCount / 2);
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(Enumerable.Range(0, KeyCount).Select(Key).ToArray(), CancellationToken.None);
        for (int i = 0; i < KeyCount; i++)
        {
            Assert.Equal(Value(i), values[i]);
        }

        IReadOnlyList<GrainId> onAdded = added.ClusterSilo.Runtime.GetActiveGrains();
        Assert.Equal(moved.Select(g => g.ToString()).Order(StringComparer.Ordinal), onAdded.Where(g => g.Type == CacheGrainTypes.Entry).Select(g => g.ToString()).Order(StringComparer.Ordinal));
    }

    private static TestSilo HolderOf(TestCluster cluster, SiloAddress address) => cluster.Silos.Single(s => s.Address.Equals(address));

    private static string Key(int i) => "join-key" + i.ToString(CultureInfo.InvariantCulture);

    private static byte[] Value(int i) => Encoding.UTF8.GetBytes("value-" + i.ToString(CultureInfo.InvariantCulture));
}
