using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.Tests.Logging;
using static Orleans.Caching.Cluster.Tests.Membership.FakeSiloNetwork;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class BrokenTableTests
{
    [Fact]
    public async Task Table_failures_are_logged_and_retried_next_period_without_stopping_the_silo()
    {
        var table = new BreakableTable(new InMemoryMembershipTable());
        var logger = new ListLogger();
        await using var network = new FakeSiloNetwork(table);
        MembershipAgent a = network.Create(Address(1001), new LoggerOf<MembershipAgent>(logger));
        await a.JoinAsync(CancellationToken.None);

        table.Broken = true;
        await network.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.NotEmpty(logger.WithEventId(6208));
        Assert.NotEmpty(logger.WithEventId(6209));
        Assert.False(a.Dead.IsCompleted);

        table.Broken = false;
        await network.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(network.Clock.GetUtcNow(), (await table.ReadAllAsync(CancellationToken.None)).Find(a.Self)!.IAmAliveTime);
    }

    [Fact]
    public async Task Leaving_with_an_unreachable_table_still_completes_dead()
    {
        var table = new BreakableTable(new InMemoryMembershipTable());
        await using var network = new FakeSiloNetwork(table);
        MembershipAgent a = await network.StartAsync(Address(1001));

        table.Broken = true;
        await Assert.ThrowsAsync<IOException>(() => a.LeaveAsync(CancellationToken.None));

        Assert.True(a.Dead.IsCompleted);
    }

    private sealed class BreakableTable(IMembershipTable inner) : IMembershipTable
    {
        public volatile bool Broken;

        public Task InitializeAsync(CancellationToken cancellationToken) => Check() ?? inner.InitializeAsync(cancellationToken);

        public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
            => Broken ? Task.FromException<MembershipTableSnapshot>(new IOException("table down")) : inner.ReadAllAsync(cancellationToken);

        public Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
            => Broken ? Task.FromException<bool>(new IOException("table down")) : inner.TryWriteAsync(entry, expectedVersion, cancellationToken);

        public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken) => Check() ?? inner.UpdateIAmAliveAsync(silo, time, cancellationToken);

        public Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken)
            => Broken ? Task.FromException<int>(new IOException("table down")) : inner.CleanupDefunctAsync(before, cancellationToken);

        public Task DeleteAsync(CancellationToken cancellationToken) => Check() ?? inner.DeleteAsync(cancellationToken);

        private Task? Check() => Broken ? Task.FromException(new IOException("table down")) : null;
    }
}
