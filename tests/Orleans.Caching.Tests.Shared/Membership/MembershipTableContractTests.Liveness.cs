using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.Membership;

public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task IAmAlive_updates_the_time_without_bumping_the_version()
    {
        MembershipEntry entry = Entry(Silo(11111), SiloStatus.Active);
        await WriteAsync(entry);

        await Table.UpdateIAmAliveAsync(entry.Silo, T0.AddMinutes(5), None);

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        AssertSameEntry(entry with { IAmAliveTime = T0.AddMinutes(5) }, table.Find(entry.Silo));
        Assert.True(await Table.TryWriteAsync(entry with { Status = SiloStatus.ShuttingDown }, 1, None));
    }

    [Fact]
    public async Task IAmAlive_of_a_silo_without_a_row_does_nothing()
    {
        await WriteAsync(Entry(Silo(11111), SiloStatus.Active));

        await Table.UpdateIAmAliveAsync(Silo(11112), T0.AddMinutes(5), None);

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        Assert.Null(table.Find(Silo(11112)));
        Assert.Equal(T0, table.Find(Silo(11111))?.IAmAliveTime);
    }

    [Fact]
    public async Task Suspicion_votes_round_trip_and_adding_one_bumps_the_version()
    {
        SiloAddress target = Silo(11111);
        SuspicionVote first = new(Silo(11112), T0.AddSeconds(10));
        SuspicionVote second = new(Silo(11113, 7), T0.AddSeconds(20).AddMilliseconds(5));
        await WriteAsync(Entry(target, SiloStatus.Active));
        await WriteAsync(Entry(target, SiloStatus.Active) with { Suspicions = [first] });
        long version = await WriteAsync(Entry(target, SiloStatus.Active) with { Suspicions = [first, second] });

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(3, version);
        Assert.Equal(3, table.Version);
        Assert.Equal([first, second], table.Find(target)?.Suspicions);
    }

    [Fact]
    public async Task Cleanup_deletes_only_old_dead_rows_and_bumps_the_version_once()
    {
        DateTimeOffset cutoff = T0.AddHours(1);
        await WriteAsync(Entry(Silo(11111), SiloStatus.Dead, iAmAlive: T0));
        await WriteAsync(Entry(Silo(11112), SiloStatus.Dead, iAmAlive: T0.AddHours(2)));
        await WriteAsync(Entry(Silo(11113), SiloStatus.Active, iAmAlive: T0));
        await WriteAsync(Entry(Silo(11114), SiloStatus.ShuttingDown, iAmAlive: T0));
        await WriteAsync(Entry(Silo(11115), SiloStatus.Dead, iAmAlive: T0.AddMinutes(1)));

        Assert.Equal(2, await Table.CleanupDefunctAsync(cutoff, None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(6, table.Version);
        Assert.Equal([Silo(11112), Silo(11113), Silo(11114)], table.Entries.Select(e => e.Silo).Order());
    }

    [Fact]
    public async Task Cleanup_with_nothing_to_delete_keeps_the_version()
    {
        await WriteAsync(Entry(Silo(11111), SiloStatus.Dead, iAmAlive: T0.AddHours(2)));

        Assert.Equal(0, await Table.CleanupDefunctAsync(T0.AddHours(1), None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        Assert.Single(table.Entries);
    }
}
