using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Hosting;

public sealed class TestClusterTests
{
    private static readonly TimeSpan s_stable = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_cluster_of_three_deploys_and_every_silo_sees_the_same_three_active_silos()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();

        await cluster.DeployAsync();

        Assert.Equal(3, cluster.Silos.Count);
        Assert.Equal(3, cluster.Silos.Select(s => s.Address).Distinct().Count());
        Assert.Single(cluster.Silos.Select(s => s.ClusterSilo.Membership.CurrentView.Version).Distinct());
        Assert.All(cluster.Silos, silo =>
        {
            Assert.Equal(SiloStatus.Active, silo.ClusterSilo.Status);
            Assert.Equal(cluster.Silos.Select(s => s.Address).Order(), silo.ClusterSilo.Membership.CurrentView.ActiveSilos);
            Assert.Null(silo.DashboardUri);
        });
        MembershipTableSnapshot table = await cluster.MembershipTable.ReadAllAsync(CancellationToken.None);
        Assert.Equal(3, table.Entries.Count(e => e.Status == SiloStatus.Active));
    }

    [Fact]
    public async Task An_additional_silo_joins_and_every_view_lists_it()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 2 }.Build();
        await cluster.DeployAsync();

        TestSilo added = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForStableAsync(s_stable);

        Assert.Equal(SiloStatus.Active, added.ClusterSilo.Status);
        Assert.Equal("silo-2", added.Name);
        Assert.All(cluster.Silos, silo => Assert.True(silo.ClusterSilo.Membership.CurrentView.IsActive(added.Address)));
        Assert.Equal(3, cluster.Silos.Count);
    }

    [Fact]
    public async Task A_stopped_silo_leaves_gracefully_and_its_row_is_dead()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();
        await cluster.DeployAsync();
        TestSilo leaving = cluster.Silos[1];
        SiloAddress address = leaving.Address;

        await cluster.StopSiloAsync(leaving);
        await cluster.WaitForStableAsync(s_stable);

        MembershipTableSnapshot table = await cluster.MembershipTable.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, table.Find(address)?.Status);
        Assert.Empty(table.Find(address)!.Suspicions);
        Assert.Equal(2, cluster.Silos.Count);
        Assert.All(cluster.Silos, silo => Assert.False(silo.ClusterSilo.Membership.CurrentView.IsActive(address)));
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_its_peers_within_the_test_timings()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();
        await cluster.DeployAsync();
        TestSilo victim = cluster.Silos[2];
        SiloAddress address = victim.Address;

        await cluster.KillSiloAsync(victim);
        await cluster.WaitForStableAsync(s_stable);

        MembershipTableSnapshot table = await cluster.MembershipTable.ReadAllAsync(CancellationToken.None);
        MembershipEntry row = table.Find(address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.NotEmpty(row.Suspicions);
        Assert.All(cluster.Silos, silo => Assert.Equal(2, silo.ClusterSilo.Membership.CurrentView.ActiveSilos.Count));
    }

    [Fact]
    public async Task A_silo_that_is_not_running_cannot_be_stopped_twice()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 1 }.Build();
        await cluster.DeployAsync();
        TestSilo silo = cluster.Silos[0];
        await cluster.StopSiloAsync(silo);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.StopSiloAsync(silo));
        Assert.True(silo.IsStopped);
        Assert.Empty(cluster.Silos);
    }
}
