using System.Net;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.Membership;

/// <summary>
/// What every <see cref="IMembershipTable"/> provider must satisfy (in-memory, file, Redis): table-wide optimistic
/// concurrency with one version bump per mutation, forward-only statuses, IAmAlive without a bump, vote round-trips,
/// defunct-row cleanup, and exactly one winner per version under concurrent writers.
/// </summary>
/// <remarks>
/// Subclasses create a fresh table per test (xUnit creates one class instance per test). Times used by the suite are UTC
/// and whole milliseconds, so providers that store Unix milliseconds round-trip them exactly.
/// </remarks>
public abstract partial class MembershipTableContractTests : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IMembershipTable? _table;

    /// <summary>Gets the table under test, initialized before each test.</summary>
    protected IMembershipTable Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    /// <summary>Gets how many writers the concurrency tests race.</summary>
    protected virtual int ConcurrentWriters => 20;

    /// <summary>Creates a handle on a fresh, empty table unique to this test (not yet initialized).</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync();

    /// <summary>Opens another handle on the same table, as a second process would (its own connection or file handle).
    /// The default returns <see cref="Table"/> itself.</summary>
    protected virtual Task<IMembershipTable> OpenSameTableAsync() => Task.FromResult(Table);

    /// <summary>Releases what the subclass created for this test (the suite has already deleted the table).</summary>
    protected virtual Task DisposeTablesAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _table = await CreateTableAsync();
        await _table.InitializeAsync(None);
    }

    public async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await _table.DeleteAsync(None);
        }

        await DisposeTablesAsync();
    }

    protected static SiloAddress Silo(int port, int generation = 1) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    protected static MembershipEntry Entry(SiloAddress silo, SiloStatus status, DateTimeOffset? iAmAlive = null) => new()
    {
        Silo = silo,
        Status = status,
        StartTime = T0,
        IAmAliveTime = iAmAlive ?? T0,
        SiloName = "silo-" + silo.Endpoint.Port,
        HostName = "host-a",
    };

    /// <summary>Writes at the current version and asserts it succeeded; returns the new version.</summary>
    protected async Task<long> WriteAsync(MembershipEntry entry, IMembershipTable? table = null)
    {
        table ??= Table;
        MembershipTableSnapshot before = await table.ReadAllAsync(None);
        Assert.True(await table.TryWriteAsync(entry, before.Version, None), $"writing {entry.Silo} {entry.Status} at version {before.Version}");
        return before.Version + 1;
    }

    protected static void AssertSameEntry(MembershipEntry expected, MembershipEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Silo, actual.Silo);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.Suspicions, actual.Suspicions);
    }

    [Fact]
    public async Task A_new_table_is_empty_at_version_0()
    {
        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(0, table.Version);
        Assert.Empty(table.Entries);
    }

    [Fact]
    public async Task Initialize_again_keeps_the_rows_and_the_version()
    {
        await WriteAsync(Entry(Silo(11111), SiloStatus.Joining));
        await Table.InitializeAsync(None);
        await Table.InitializeAsync(None);

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        Assert.Single(table.Entries);
    }

    [Fact]
    public async Task Insert_at_version_0_makes_version_1_and_the_row_readable()
    {
        MembershipEntry entry = Entry(Silo(11111), SiloStatus.Joining);
        Assert.True(await Table.TryWriteAsync(entry, 0, None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        AssertSameEntry(entry, Assert.Single(table.Entries));
    }

    [Fact]
    public async Task Every_field_round_trips_including_IPv6_and_missing_names()
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 30001), 987654);
        MembershipEntry entry = new()
        {
            Silo = silo,
            Status = SiloStatus.Active,
            StartTime = T0.AddMilliseconds(123),
            IAmAliveTime = T0.AddMinutes(3).AddMilliseconds(7),
            SiloName = null,
            HostName = null,
            Suspicions = [new SuspicionVote(Silo(11112, 4), T0.AddSeconds(9))],
        };
        await WriteAsync(entry);

        AssertSameEntry(entry, (await Table.ReadAllAsync(None)).Find(silo));
    }

    [Fact]
    public async Task A_write_at_a_stale_version_returns_false_and_changes_nothing()
    {
        MembershipEntry first = Entry(Silo(11111), SiloStatus.Joining);
        await WriteAsync(first);

        Assert.False(await Table.TryWriteAsync(Entry(Silo(11112), SiloStatus.Joining), 0, None));
        Assert.False(await Table.TryWriteAsync(first with { Status = SiloStatus.Active }, 0, None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        AssertSameEntry(first, Assert.Single(table.Entries));
    }

    [Fact]
    public async Task A_write_at_a_future_version_returns_false()
    {
        Assert.False(await Table.TryWriteAsync(Entry(Silo(11111), SiloStatus.Joining), 1, None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(0, table.Version);
        Assert.Empty(table.Entries);
    }

    [Fact]
    public async Task Status_moves_forward_through_every_stage_with_one_bump_each()
    {
        SiloAddress silo = Silo(11111);
        long version = 0;
        foreach (SiloStatus status in new[] { SiloStatus.Joining, SiloStatus.Active, SiloStatus.ShuttingDown, SiloStatus.Dead })
        {
            version = await WriteAsync(Entry(silo, status));
        }

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(4, version);
        Assert.Equal(4, table.Version);
        Assert.Equal(SiloStatus.Dead, table.Find(silo)?.Status);
    }

    [Fact]
    public async Task A_status_may_skip_stages_forward()
    {
        SiloAddress silo = Silo(11111);
        await WriteAsync(Entry(silo, SiloStatus.Joining));
        await WriteAsync(Entry(silo, SiloStatus.Dead));

        Assert.Equal(SiloStatus.Dead, (await Table.ReadAllAsync(None)).Find(silo)?.Status);
    }

    [Theory]
    [InlineData(SiloStatus.Active, SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown, SiloStatus.Active)]
    [InlineData(SiloStatus.Dead, SiloStatus.Active)]
    [InlineData(SiloStatus.Dead, SiloStatus.Joining)]
    public async Task A_status_moving_backwards_throws_and_changes_nothing(SiloStatus current, SiloStatus next)
    {
        MembershipEntry entry = Entry(Silo(11111), current);
        await WriteAsync(entry);

        await Assert.ThrowsAsync<ArgumentException>(() => Table.TryWriteAsync(entry with { Status = next }, 1, None));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(1, table.Version);
        AssertSameEntry(entry, Assert.Single(table.Entries));
    }

    [Fact]
    public async Task Writing_the_status_None_throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.TryWriteAsync(Entry(Silo(11111), SiloStatus.None), 0, None));

        Assert.Equal(0, (await Table.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task Two_generations_of_one_endpoint_are_two_rows()
    {
        await WriteAsync(Entry(Silo(11111, 1), SiloStatus.Dead));
        await WriteAsync(Entry(Silo(11111, 2), SiloStatus.Joining));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(2, table.Entries.Count);
        Assert.Equal(SiloStatus.Dead, table.Find(Silo(11111, 1))?.Status);
        Assert.Equal(SiloStatus.Joining, table.Find(Silo(11111, 2))?.Status);
    }

    [Fact]
    public async Task Delete_removes_the_table_and_initialize_starts_a_new_one_at_version_0()
    {
        await WriteAsync(Entry(Silo(11111), SiloStatus.Active));

        await Table.DeleteAsync(None);
        await Table.InitializeAsync(None);

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(0, table.Version);
        Assert.Empty(table.Entries);
    }

    [Fact]
    public async Task Active_silos_lists_only_active_rows_in_address_order()
    {
        await WriteAsync(Entry(Silo(11113), SiloStatus.Active));
        await WriteAsync(Entry(Silo(11111), SiloStatus.Joining));
        await WriteAsync(Entry(Silo(11112), SiloStatus.Active));
        await WriteAsync(Entry(Silo(11114), SiloStatus.Dead));
        await WriteAsync(Entry(Silo(11115), SiloStatus.ShuttingDown));

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal([Silo(11112), Silo(11113)], table.ActiveSilos());
    }
}
