using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class StaticMembershipTests
{
    private static readonly TimeSpan s_stable = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_static_cluster_forms_serves_keys_detects_a_killed_silo_and_admits_a_joining_one()
    {
        await using TestCluster cluster = new TestClusterBuilder { UseStaticMembership = true }.Build();
        await cluster.DeployAsync(s_stable);
        TestSilo primary = cluster.Silos[0];
        Assert.True(Table(primary).IsPrimary);
        Assert.False(Table(cluster.Silos[1]).IsPrimary);
        Assert.False(Table(cluster.Silos[2]).IsPrimary);
        Assert.Empty((await cluster.MembershipTable.ReadAllAsync(CancellationToken.None)).Entries);
        MembershipTableSnapshot held = await Table(primary).Local.ReadAllAsync(CancellationToken.None);
        Assert.Equal(3, held.Entries.Count(e => e.Status == SiloStatus.Active));
        Assert.Equal(held.Version, cluster.Silos[2].ClusterSilo.Membership.CurrentView.Version);

        Cache client = cluster.Client;
        for (int i = 0; i < 60; i++)
        {
            Assert.True(await client.SetAsync("k" + i.ToString(CultureInfo.InvariantCulture), i));
        }

        Assert.All(cluster.Silos, silo => Assert.True(silo.ClusterSilo.Runtime.ActivationCount > 0));
        Assert.Equal(42, await client.GetAsync<int>("k42"));

        TestSilo victim = cluster.Silos[2];
        SiloAddress victimAddress = victim.Address;
        await cluster.KillSiloAsync(victim);
        await cluster.WaitForStableAsync(s_stable);
        Assert.Equal(SiloStatus.Dead, (await Table(primary).Local.ReadAllAsync(CancellationToken.None)).Find(victimAddress)!.Status);
        Assert.Equal(SiloStatus.Dead, cluster.Silos[1].ClusterSilo.Membership.CurrentView.GetStatus(victimAddress));

        TestSilo joined = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForStableAsync(s_stable);
        Assert.False(Table(joined).IsPrimary);
        Assert.Equal(3, cluster.Silos.Count);
        Assert.Equal(SiloStatus.Active, (await Table(primary).Local.ReadAllAsync(CancellationToken.None)).Find(joined.Address)!.Status);
        for (int i = 0; i < 60; i++)
        {
            Assert.True(await client.SetAsync("k" + i.ToString(CultureInfo.InvariantCulture), i + 1));
        }

        Assert.Equal(43, await client.GetAsync<int>("k42"));
        Assert.True(joined.ClusterSilo.Runtime.ActivationCount > 0);
    }

    [Fact]
    public async Task A_primary_named_by_a_dns_name_is_found_by_the_other_silos()
    {
        await using TestCluster cluster = new TestClusterBuilder { UseStaticMembership = true, StaticPrimaryHost = "localhost", InitialSilosCount = 2 }.Build();
        await cluster.DeployAsync(s_stable);

        Assert.True(Table(cluster.Silos[0]).IsPrimary);
        Assert.False(Table(cluster.Silos[1]).IsPrimary);
        Assert.StartsWith("localhost:", Table(cluster.Silos[1]).PrimarySeed, StringComparison.Ordinal);
        Assert.True(await cluster.Client.SetAsync("dns", "yes"));
        Assert.Equal("yes", await cluster.Client.GetAsync<string>("dns"));
    }

    [Fact]
    public async Task A_silo_whose_primary_never_answers_fails_to_start_naming_the_seed()
    {
        int closedPort = ClosedPort();
        await using TestCluster cluster = new TestClusterBuilder { UseStaticMembership = true, InitialSilosCount = 1 }
            .ConfigureSilo((_, settings) =>
            {
                settings["Caching:Silo:Membership:Seeds:0"] = "127.0.0.1:" + closedPort.ToString(CultureInfo.InvariantCulture);
                settings["Caching:Silo:Membership:JoinTimeout"] = "00:00:01";
            })
            .Build();

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync(s_stable));

        Assert.Contains("Caching:Silo:Membership:Seeds:0 = '127.0.0.1:" + closedPort.ToString(CultureInfo.InvariantCulture) + "' did not answer within JoinTimeout", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-seed", "Caching:Silo:Membership:Seeds:0 = 'not-a-seed' is not host:port")]
    [InlineData("host:99999", "the first seed is the primary silo")]
    public void A_garbage_seed_is_refused_with_its_key(string seed, string expected)
    {
        var options = new ClusterMembershipOptions { Type = "Static", Seeds = [seed] };

        ValidateOptionsResult result = new ClusterMembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MembershipTableFactory.Create(options, TimeProvider.System, null));
    }

    [Fact]
    public async Task Valid_seeds_build_a_development_table_that_refuses_use_before_its_silo_binds_it()
    {
        var options = new ClusterMembershipOptions { Type = "development", Seeds = ["silo-0.cache.svc:11111", "10.0.0.6:11111"] };

        IMembershipTable table = MembershipTableFactory.Create(options, TimeProvider.System, null);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.ReadAllAsync(CancellationToken.None));
        Assert.Contains("only a cluster silo", error.Message, StringComparison.Ordinal);
    }

    private static StaticMembershipTable Table(TestSilo silo) => Assert.IsType<StaticMembershipTable>(silo.Services.GetRequiredService<IMembershipTable>());

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
