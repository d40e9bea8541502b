using System.Globalization;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Acceptance;

[Collection(AcceptanceClusterCollection.Name)]
public sealed class KeySpreadTests(AcceptanceClusterFixture fixture)
{
    private const int KeyCount = 300;

    [Fact]
    public async Task Three_hundred_sets_leave_activations_on_every_silo_each_at_its_owner()
    {
        ICacheBackend cache = fixture.CreateBackend(new CacheBackendOptions { KeyPrefix = "spread:" });
        string[] keys = Enumerable.Range(0, KeyCount).Select(i => "key" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (string key in keys)
        {
            Assert.True(await cache.SetAsync(key, "v"u8.ToArray(), null, CancellationToken.None));
        }

        var mine = keys.Select(k => new GrainId(CacheGrainTypes.Entry, "spread:" + k)).ToHashSet();
        MembershipView view = fixture.Cluster.Silos[0].ClusterSilo.Membership.CurrentView;
        int total = 0;
        foreach (TestSilo silo in fixture.Cluster.Silos)
        {
            GrainId[] held = silo.ClusterSilo.Runtime.GetActiveGrains().Where(mine.Contains).ToArray();

            // An even spread gives each of three silos about 100 keys; a silo with under 50 (or none) means placement is skewed.
            Assert.InRange(held.Length, KeyCount / 6, KeyCount / 2);
            Assert.All(held, grain => Assert.Equal(silo.Address, view.SelectOwner(grain)));
            total += held.Length;
        }

        Assert.Equal(KeyCount, total);
    }
}
