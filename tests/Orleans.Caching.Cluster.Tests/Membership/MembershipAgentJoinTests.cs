using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using static Orleans.Caching.Cluster.Tests.Membership.FakeSiloNetwork;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class MembershipAgentJoinTests
{
    [Fact]
    public async Task The_first_silo_joins_at_once_and_is_the_only_active_silo()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, table.Version);
        Assert.Equal(SiloStatus.Active, table.Find(a.Self)!.Status);
        Assert.Equal("silo-1001", table.Find(a.Self)!.SiloName);
        Assert.Equal(2, a.CurrentView.Version);
        Assert.Equal([a.Self], a.CurrentView.ActiveSilos);
        Assert.False(a.Dead.IsCompleted);
    }

    [Fact]
    public async Task A_second_and_third_silo_join_and_every_silo_converges_on_the_same_version_by_gossip()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipAgent c = await network.StartAsync(Address(1003));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(6, table.Version);
        foreach (MembershipAgent agent in new[] { a, b, c })
        {
            Assert.Equal(table.Version, agent.CurrentView.Version);
            Assert.Equal(3, agent.CurrentView.ActiveSilos.Count);
        }

        // c's Active write went to both others; nobody gossips to itself.
        Assert.Contains(network.Gossip, g => g.From == c.Self && g.To == a.Self && g.Version == 6);
        Assert.Contains(network.Gossip, g => g.From == c.Self && g.To == b.Self && g.Version == 6);
        Assert.DoesNotContain(network.Gossip, g => g.From == g.To);
    }

    [Fact]
    public async Task A_join_waits_for_an_unreachable_active_silo_until_its_peers_declare_it_dead()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        await network.KillAsync(b);

        MembershipAgent c = network.Create(Address(1003));
        Task join = c.JoinAsync(CancellationToken.None);
        await network.IdleAsync();
        Assert.False(join.IsCompleted);
        Assert.Equal(SiloStatus.Joining, (await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!.Status);

        // a misses b's probes at 2, 4 and 6 s, and alone declares it dead (b is the only other Active silo).
        await network.AdvanceAsync(TimeSpan.FromSeconds(8));
        await join.WaitAsync(TimeSpan.FromSeconds(10));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, table.Find(b.Self)!.Status);
        Assert.Equal(SiloStatus.Active, table.Find(c.Self)!.Status);
        Assert.Equal(table.Version, a.CurrentView.Version);
        Assert.Equal(table.Version, c.CurrentView.Version);
    }

    [Fact]
    public async Task A_join_fails_after_the_join_timeout_when_an_active_silo_stays_unreachable()
    {
        await using var network = new FakeSiloNetwork(configure: o => o.JoinTimeout = TimeSpan.FromSeconds(10));
        MembershipAgent a = await network.StartAsync(Address(1001));
        SiloAddress cAddress = Address(1003);
        network.Cut(cAddress, a.Self);

        MembershipAgent c = network.Create(cAddress);
        Task join = c.JoinAsync(CancellationToken.None);
        await network.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.False(join.IsCompleted);
        await network.AdvanceAsync(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => join.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(a.Self.ToString(), error.Message);
        Assert.Contains("JoinTimeout", error.Message);
        Assert.Equal(SiloStatus.Dead, (await network.Table.ReadAllAsync(CancellationToken.None)).Find(cAddress)!.Status);
        Assert.True(c.Dead.IsCompleted);
        Assert.Equal(SiloStatus.Active, a.CurrentView.GetStatus(a.Self));
    }

    [Fact]
    public async Task A_restarted_process_on_the_same_endpoint_declares_its_old_generation_dead()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent old = await network.StartAsync(Address(1001, generation: 1));
        MembershipAgent b = await network.StartAsync(Address(1002));
        await network.KillAsync(old);

        MembershipAgent restarted = await network.StartAsync(Address(1001, generation: 2));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, table.Find(old.Self)!.Status);
        Assert.Equal(SiloStatus.Active, table.Find(restarted.Self)!.Status);
        Assert.Equal([restarted.Self, b.Self], b.CurrentView.ActiveSilos);
    }

    [Fact]
    public async Task A_stale_copy_refuses_to_join_when_a_newer_generation_of_its_endpoint_runs()
    {
        await using var network = new FakeSiloNetwork();
        await network.StartAsync(Address(1001, generation: 5));

        MembershipAgent stale = network.Create(Address(1001, generation: 4));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stale.JoinAsync(CancellationToken.None));
        Assert.Contains("newer generation", error.Message);
        Assert.Null((await network.Table.ReadAllAsync(CancellationToken.None)).Find(stale.Self));
    }

    [Fact]
    public async Task Silos_joining_concurrently_all_become_active_after_retrying_their_conflicting_writes()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent[] agents = Enumerable.Range(0, 5).Select(i => network.Create(Address(2000 + i))).ToArray();

        await Task.WhenAll(agents.Select(agent => Task.Run(() => agent.JoinAsync(CancellationToken.None))));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(10, table.Version);
        Assert.All(table.Entries, e => Assert.Equal(SiloStatus.Active, e.Status));
        Assert.Equal(5, table.Entries.Count);
        await network.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.All(agents, agent => Assert.Equal(table.Version, agent.CurrentView.Version));
    }

    [Fact]
    public async Task A_write_that_loses_a_race_rereads_the_table_and_keeps_the_winners_row()
    {
        var table = new RacingTable(new InMemoryMembershipTable());
        await using var network = new FakeSiloNetwork(table);
        table.Competitor = Address(3000);
        table.ConflictsToInject = 3;

        MembershipAgent a = await network.StartAsync(Address(1001));

        MembershipTableSnapshot read = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(0, table.ConflictsToInject);
        Assert.Equal(SiloStatus.Active, read.Find(a.Self)!.Status);
        Assert.NotNull(read.Find(table.Competitor));
        Assert.Equal(read.Version, a.CurrentView.Version);
    }

    /// <summary>Before each of the next conditional writes, another writer gets in first (a competing row change).</summary>
    private sealed class RacingTable(IMembershipTable inner) : IMembershipTable
    {
        public SiloAddress Competitor { get; set; } = Address(3000);

        public int ConflictsToInject { get; set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public async Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
        {
            if (ConflictsToInject > 0)
            {
                ConflictsToInject--;
                MembershipTableSnapshot current = await inner.ReadAllAsync(cancellationToken);
                DateTimeOffset now = DateTimeOffset.UnixEpoch;
                Assert.True(await inner.TryWriteAsync(new MembershipEntry { Silo = Competitor, Status = SiloStatus.Joining, StartTime = now, IAmAliveTime = now }, current.Version, cancellationToken));
            }

            return await inner.TryWriteAsync(entry, expectedVersion, cancellationToken);
        }

        public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken) => inner.UpdateIAmAliveAsync(silo, time, cancellationToken);

        public Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.CleanupDefunctAsync(before, cancellationToken);

        public Task DeleteAsync(CancellationToken cancellationToken) => inner.DeleteAsync(cancellationToken);
    }
}
