using Orleans.Caching.Cluster.Tests.Networking;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Security;

[Collection(AcceptanceClusterCollection.Name)]
public sealed class MalformedFrameTests(AcceptanceClusterFixture fixture)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    public static TheoryData<string> Violations => ["garbage", "truncated-then-close", "oversized-length", "oversized-handshake", "request-before-handshake"];

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_bad_frame_sent_to_a_silo_closes_that_connection_while_the_cache_client_keeps_working(string violation)
    {
        TestSilo target = fixture.Cluster.Silos[violation.Length % fixture.Cluster.Silos.Count];
        ICacheBackend cache = fixture.CreateBackend(new CacheBackendOptions { KeyPrefix = "frames:" + violation + ":" });
        string[] keysOnTarget = KeysOwnedBy(target, "frames:" + violation + ":", 5);
        foreach (string key in keysOnTarget)
        {
            Assert.True(await cache.SetAsync(key, "before"u8.ToArray(), null, CancellationToken.None));
        }

        await using RawClient bad = await RawClient.ConnectAsync(target.Address.Endpoint);
        var options = new ClusterOptions { ClusterId = fixture.Cluster.ClusterId, Secret = AcceptanceClusterFixture.Secret };
        await bad.SendViolationAsync(violation, options);

        Assert.True(await bad.WaitForServerCloseAsync(s_wait), $"The silo kept a connection open after '{violation}'.");
        foreach (string key in keysOnTarget)
        {
            Assert.Equal("before"u8.ToArray(), await cache.GetAsync(key, CancellationToken.None));
            Assert.True(await cache.SetAsync(key, "after"u8.ToArray(), null, CancellationToken.None));
            Assert.Equal("after"u8.ToArray(), await cache.GetAsync(key, CancellationToken.None));
        }

        Assert.Equal(SiloStatus.Active, target.ClusterSilo.Status);
    }

    private static string[] KeysOwnedBy(TestSilo silo, string prefix, int count)
    {
        MembershipView view = silo.ClusterSilo.Membership.CurrentView;
        return Enumerable.Range(0, 1000)
            .Select(i => "key" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(k => silo.Address.Equals(view.SelectOwner(new GrainId(CacheGrainTypes.Entry, prefix + k))))
            .Take(count)
            .ToArray();
    }
}
