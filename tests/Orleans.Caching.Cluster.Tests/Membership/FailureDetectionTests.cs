using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using static Orleans.Caching.Cluster.Tests.Membership.FakeSiloNetwork;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class FailureDetectionTests
{
    [Fact]
    public async Task In_a_two_silo_cluster_one_vote_declares_a_silo_dead_after_the_missed_probes_limit()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        await network.KillAsync(b);

        await network.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SiloStatus.Active, a.CurrentView.GetStatus(b.Self));
        Assert.Equal(2, a.Detector.MissesOf(b.Self));

        await network.AdvanceAsync(TimeSpan.FromSeconds(1));
        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        MembershipEntry row = table.Find(b.Self)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal([a.Self], row.Suspicions.Select(v => v.Suspecter));
        Assert.Equal(SiloStatus.Dead, a.CurrentView.GetStatus(b.Self));
        Assert.Equal([a.Self], a.CurrentView.ActiveSilos);
    }

    [Fact]
    public async Task In_a_three_silo_cluster_two_votes_are_needed()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipAgent c = await network.StartAsync(Address(1003));
        network.LoseProbes(a.Self, c.Self);

        await network.AdvanceAsync(TimeSpan.FromSeconds(6));
        MembershipEntry row = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Self], row.Suspicions.Select(v => v.Suspecter));
        Assert.Equal(row.Suspicions.Count, c.CurrentView.Snapshot.Find(c.Self)!.Suspicions.Count);

        network.LoseProbes(b.Self, c.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(6));
        row = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(2, row.Suspicions.Select(v => v.Suspecter).Distinct().Count());

        // The victim, still running, learns it by gossip, confirms it in the table, and stops.
        await c.Dead.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SiloStatus.Dead, c.CurrentView.GetStatus(c.Self));
    }

    [Fact]
    public async Task Expired_votes_do_not_count()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipAgent c = await network.StartAsync(Address(1003));
        network.Cut(a.Self, c.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(6));
        network.Heal(a.Self, c.Self);
        Assert.Single((await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!.Suspicions);

        await network.AdvanceAsync(TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(1));
        network.Cut(b.Self, c.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(6));

        MembershipEntry row = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([b.Self], row.Suspicions.Select(v => v.Suspecter));
        Assert.False(c.Dead.IsCompleted);
    }

    [Fact]
    public async Task A_successful_probe_resets_the_miss_count()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        network.Cut(a.Self, b.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(4));
        Assert.Equal(2, a.Detector.MissesOf(b.Self));

        network.Heal(a.Self, b.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(0, a.Detector.MissesOf(b.Self));
        network.Cut(a.Self, b.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(4));

        Assert.Equal(SiloStatus.Active, (await network.Table.ReadAllAsync(CancellationToken.None)).Find(b.Self)!.Status);
    }

    [Fact]
    public async Task A_silo_that_is_shutting_down_does_not_vote()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        await a.BeginShutdownAsync(CancellationToken.None);
        network.Cut(a.Self, b.Self);

        await network.AdvanceAsync(TimeSpan.FromSeconds(10));

        MembershipEntry row = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(b.Self)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.Suspicions);
    }

    [Fact]
    public void Each_silo_probes_its_ring_successors_by_uniform_hash_and_never_itself()
    {
        SiloAddress[] silos = Enumerable.Range(0, 6).Select(i => Address(4000 + i)).ToArray();
        DateTimeOffset now = DateTimeOffset.UnixEpoch;
        var view = new MembershipView(new MembershipTableSnapshot(1, silos.Select(s => new MembershipEntry { Silo = s, Status = SiloStatus.Active, StartTime = now, IAmAliveTime = now }).ToArray()));
        SiloAddress[] ring = silos.OrderBy(s => s.UniformHash).ToArray();

        for (int i = 0; i < ring.Length; i++)
        {
            List<SiloAddress> targets = FailureDetector.SelectTargets(view, ring[i], 3);
            Assert.Equal([ring[(i + 1) % 6], ring[(i + 2) % 6], ring[(i + 3) % 6]], targets);
        }

        Assert.Equal(5, FailureDetector.SelectTargets(view, ring[0], 10).Count);
        Assert.DoesNotContain(ring[0], FailureDetector.SelectTargets(view, ring[0], 10));
        Assert.Empty(FailureDetector.SelectTargets(view, Address(4999), 3));
    }
}
