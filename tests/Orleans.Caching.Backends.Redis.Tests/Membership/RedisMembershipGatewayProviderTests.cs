using System.Net;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>A client finding silos in the table the silos write: rows written with <see cref="RedisMembershipTable"/> on a real server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMembershipGatewayProviderTests(RedisServerFixture server)
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _clusterId = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Only_active_silos_are_gateways_and_a_restarted_endpoint_appears_once()
    {
        using var table = new RedisMembershipTable(Options());
        await table.InitializeAsync(CancellationToken.None);
        long version = 0;
        foreach ((int port, int generation, SiloStatus status) in new[]
        {
            (30002, 1, SiloStatus.Active),
            (30001, 1, SiloStatus.Active),
            (30001, 2, SiloStatus.Active),
            (30003, 1, SiloStatus.Joining),
            (30004, 1, SiloStatus.ShuttingDown),
            (30005, 1, SiloStatus.Dead),
        })
        {
            Assert.True(await table.TryWriteAsync(Entry(port, generation, status), version++, CancellationToken.None));
        }

        using var provider = new RedisMembershipGatewayProvider(Options());
        IReadOnlyList<EndPoint> gateways = await provider.GetGatewaysAsync();
        IReadOnlyList<string> text = await RedisMembershipGatewayProvider.ReadGatewaysAsync(Options());

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 30001), new IPEndPoint(IPAddress.Loopback, 30002)], gateways);
        Assert.Equal(["127.0.0.1:30001", "127.0.0.1:30002"], text);
    }

    [Fact]
    public async Task A_silo_that_stops_leaves_the_list_on_the_next_read()
    {
        using var table = new RedisMembershipTable(Options());
        await table.InitializeAsync(CancellationToken.None);
        Assert.True(await table.TryWriteAsync(Entry(30011, 1, SiloStatus.Active), 0, CancellationToken.None));
        Assert.True(await table.TryWriteAsync(Entry(30012, 1, SiloStatus.Active), 1, CancellationToken.None));
        using var provider = new RedisMembershipGatewayProvider(Options());
        Assert.Equal(2, (await provider.GetGatewaysAsync()).Count);

        Assert.True(await table.TryWriteAsync(Entry(30011, 1, SiloStatus.Dead), 2, CancellationToken.None));

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 30012)], await provider.GetGatewaysAsync());
    }

    [Fact]
    public async Task A_cluster_without_a_table_has_no_gateways()
        => Assert.Empty(await RedisMembershipGatewayProvider.ReadGatewaysAsync(Options()));

    private RedisMembershipTableOptions Options() => new()
    {
        Url = $"redis://127.0.0.1:{server.Plain.Port}/4",
        ServiceId = "gateway-tests",
        ClusterId = _clusterId,
    };

    private static MembershipEntry Entry(int port, int generation, SiloStatus status) => new()
    {
        Silo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, port), generation),
        Status = status,
        StartTime = s_now,
        IAmAliveTime = s_now,
    };
}
