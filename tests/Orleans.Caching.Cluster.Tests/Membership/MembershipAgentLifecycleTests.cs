using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.Tests.Logging;
using static Orleans.Caching.Cluster.Tests.Membership.FakeSiloNetwork;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class MembershipAgentLifecycleTests
{
    [Fact]
    public async Task A_graceful_stop_goes_through_shutting_down_to_dead_and_peers_learn_each_step()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));

        await b.BeginShutdownAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.ShuttingDown, a.CurrentView.GetStatus(b.Self));
        Assert.Equal([a.Self], a.CurrentView.ActiveSilos);
        Assert.False(b.Dead.IsCompleted);

        await b.LeaveAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, a.CurrentView.GetStatus(b.Self));
        Assert.True(b.Dead.IsCompleted);

        // b's timers stopped: its row's IAmAlive time no longer moves, and a never votes against a Dead silo.
        DateTimeOffset lastAlive = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(b.Self)!.IAmAliveTime;
        await network.AdvanceAsync(TimeSpan.FromSeconds(12));
        MembershipEntry row = (await network.Table.ReadAllAsync(CancellationToken.None)).Find(b.Self)!;
        Assert.Equal(lastAlive, row.IAmAliveTime);
        Assert.Empty(row.Suspicions);
        Assert.NotEqual(lastAlive, (await network.Table.ReadAllAsync(CancellationToken.None)).Find(a.Self)!.IAmAliveTime);
    }

    [Fact]
    public async Task A_silo_that_reads_itself_dead_in_the_table_completes_dead_and_stops_its_timers()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.True(await network.Table.TryWriteAsync(table.Find(b.Self)! with { Status = SiloStatus.Dead }, table.Version, CancellationToken.None));

        await network.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.False(b.Dead.IsCompleted);
        await network.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.True(b.Dead.IsCompleted);
        Assert.Equal(SiloStatus.Dead, b.CurrentView.GetStatus(b.Self));
        int gossipBefore = network.Gossip.Count(g => g.From == b.Self);
        await network.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(gossipBefore, network.Gossip.Count(g => g.From == b.Self));
        Assert.Equal(SiloStatus.Active, (await network.Table.ReadAllAsync(CancellationToken.None)).Find(a.Self)!.Status);
    }

    [Fact]
    public async Task Leaving_logs_that_the_silo_left_and_only_a_death_declared_by_peers_is_a_warning()
    {
        var leaverLog = new ListLogger();
        var victimLog = new ListLogger();
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent leaver = network.Create(Address(1002), new LoggerOf<MembershipAgent>(leaverLog));
        await leaver.JoinAsync(CancellationToken.None);
        MembershipAgent victim = network.Create(Address(1003), new LoggerOf<MembershipAgent>(victimLog));
        await victim.JoinAsync(CancellationToken.None);

        await leaver.LeaveAsync(CancellationToken.None);
        Assert.True(leaver.Dead.IsCompleted);
        Assert.Single(leaverLog.WithEventId(6216));
        Assert.Empty(leaverLog.WithEventId(6210));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.True(await network.Table.TryWriteAsync(table.Find(victim.Self)! with { Status = SiloStatus.Dead }, table.Version, CancellationToken.None));
        await network.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.True(victim.Dead.IsCompleted);
        LogEntry warning = Assert.Single(victimLog.WithEventId(6210));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("declared Dead by its peers", warning.Message, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Active, a.CurrentView.GetStatus(a.Self));
    }

    [Fact]
    public async Task Gossip_that_says_a_silo_is_dead_is_checked_against_the_table_first()
    {
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipTableSnapshot real = b.CurrentView.Snapshot;
        var forged = new MembershipTableSnapshot(real.Version + 5, real.Entries.Select(e => e.Silo.Equals(b.Self) ? e with { Status = SiloStatus.Dead } : e).ToArray());

        b.OnGossip(forged);
        await network.IdleAsync();
        Assert.False(b.Dead.IsCompleted);
        Assert.Equal(real.Version, b.CurrentView.Version);

        b.OnGossip(new MembershipTableSnapshot(real.Version + 5, real.Entries.Where(e => !e.Silo.Equals(b.Self)).ToArray()));
        await network.IdleAsync();
        Assert.False(b.Dead.IsCompleted);
        Assert.Equal(SiloStatus.Active, a.CurrentView.GetStatus(b.Self));
    }

    [Fact]
    public async Task View_changed_is_raised_once_per_newer_version_in_order_and_a_failing_handler_is_logged()
    {
        var logger = new ListLogger();
        await using var network = new FakeSiloNetwork();
        MembershipAgent a = network.Create(Address(1001), new LoggerOf<MembershipAgent>(logger));
        var seen = new List<long>();
        int concurrent = 0, maxConcurrent = 0;
        a.ViewChanged += _ => throw new InvalidOperationException("handler bug");
        a.ViewChanged += view =>
        {
            maxConcurrent = Math.Max(maxConcurrent, Interlocked.Increment(ref concurrent));
            lock (seen)
            {
                seen.Add(view.Version);
            }

            Interlocked.Decrement(ref concurrent);
        };

        await a.JoinAsync(CancellationToken.None);
        await network.StartAsync(Address(1002));
        await network.StartAsync(Address(1003));
        a.OnGossip(a.CurrentView.Snapshot);
        a.OnGossip(new MembershipTableSnapshot(1, []));
        await a.RefreshAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5, 6], seen);
        Assert.Equal(1, maxConcurrent);
        Assert.Equal(6, logger.WithEventId(6206).Count);
    }

    [Fact]
    public async Task Dead_rows_older_than_the_defunct_expiration_are_deleted_by_the_first_active_silo()
    {
        await using var network = new FakeSiloNetwork(configure: o => o.DefunctSiloExpiration = TimeSpan.FromSeconds(30));
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        MembershipAgent c = await network.StartAsync(Address(1003));
        await c.BeginShutdownAsync(CancellationToken.None);
        await c.LeaveAsync(CancellationToken.None);

        await network.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull((await network.Table.ReadAllAsync(CancellationToken.None)).Find(c.Self));
        await network.AdvanceAsync(TimeSpan.FromSeconds(20));

        MembershipTableSnapshot table = await network.Table.ReadAllAsync(CancellationToken.None);
        Assert.Null(table.Find(c.Self));
        Assert.Equal(2, table.Entries.Count);
        Assert.Equal(table.Version, a.CurrentView.Version);
        Assert.Equal(table.Version, b.CurrentView.Version);
    }

    [Fact]
    public async Task The_agent_works_over_a_file_table()
    {
        using var directory = new Orleans.Caching.Tests.TempDirectory();
        var fileTable = new FileMembershipTable(new FileMembershipTableOptions { Path = Path.Combine(directory.Path, "members.json") }, TimeProvider.System);
        await using var network = new FakeSiloNetwork(fileTable);
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        Assert.Equal(4, a.CurrentView.Version);
        await network.KillAsync(b);

        await network.AdvanceAsync(TimeSpan.FromSeconds(7));

        var reopened = new FileMembershipTable(new FileMembershipTableOptions { Path = fileTable.Path }, TimeProvider.System);
        MembershipTableSnapshot table = await reopened.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, table.Find(b.Self)!.Status);
        Assert.Equal(table.Version, a.CurrentView.Version);
    }

    [Fact]
    public async Task On_real_time_a_killed_silo_is_declared_dead_within_its_probe_budget()
    {
        await using var network = new FakeSiloNetwork(
            configure: o =>
            {
                o.ProbeInterval = TimeSpan.FromMilliseconds(50);
                o.ProbeTimeout = TimeSpan.FromMilliseconds(25);
                o.IAmAliveInterval = TimeSpan.FromMilliseconds(100);
                o.TableRefreshInterval = TimeSpan.FromMilliseconds(200);
                o.DeathVoteExpiration = TimeSpan.FromSeconds(5);
            },
            time: TimeProvider.System);
        MembershipAgent a = await network.StartAsync(Address(1001));
        MembershipAgent b = await network.StartAsync(Address(1002));
        var declared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.ViewChanged += view =>
        {
            if (view.GetStatus(b.Self) == SiloStatus.Dead)
            {
                declared.TrySetResult();
            }
        };

        await network.KillAsync(b);

        await declared.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([a.Self], a.CurrentView.ActiveSilos);
    }
}
