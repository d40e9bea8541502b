using System.Collections.Concurrent;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.Membership;

public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task A_second_handle_sees_writes_and_its_stale_write_fails()
    {
        IMembershipTable other = await OpenSameTableAsync();
        await WriteAsync(Entry(Silo(11111), SiloStatus.Joining));

        MembershipTableSnapshot seen = await other.ReadAllAsync(None);
        Assert.Equal(1, seen.Version);
        Assert.NotNull(seen.Find(Silo(11111)));

        await WriteAsync(Entry(Silo(11111), SiloStatus.Active), other);
        Assert.False(await Table.TryWriteAsync(Entry(Silo(11112), SiloStatus.Joining), 1, None));
        Assert.Equal(SiloStatus.Active, (await Table.ReadAllAsync(None)).Find(Silo(11111))?.Status);
    }

    [Fact]
    public async Task Writers_racing_on_one_version_have_exactly_one_winner()
    {
        IMembershipTable[] handles = [Table, await OpenSameTableAsync()];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool>[] writers = Enumerable.Range(0, ConcurrentWriters).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await handles[i % 2].TryWriteAsync(Entry(Silo(20000 + i), SiloStatus.Joining), 0, None);
        })).ToArray();

        gate.SetResult();
        bool[] results = await Task.WhenAll(writers);

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Single(results, won => won);
        Assert.Equal(1, table.Version);
        Assert.Equal(Silo(20000 + Array.IndexOf(results, true)), Assert.Single(table.Entries).Silo);
    }

    [Fact]
    public async Task Writers_retrying_until_they_win_get_one_version_each()
    {
        IMembershipTable[] handles = [Table, await OpenSameTableAsync()];
        var wins = new ConcurrentBag<long>();
        int attempts = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] writers = Enumerable.Range(0, ConcurrentWriters).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            IMembershipTable table = handles[i % 2];
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                Interlocked.Increment(ref attempts);
                MembershipTableSnapshot read = await table.ReadAllAsync(None);
                if (await table.TryWriteAsync(Entry(Silo(20000 + i), SiloStatus.Joining), read.Version, None))
                {
                    wins.Add(read.Version);
                    return;
                }
            }

            throw new InvalidOperationException($"Writer {i} never won in 1000 attempts.");
        })).ToArray();

        gate.SetResult();
        await Task.WhenAll(writers);

        MembershipTableSnapshot final = await Table.ReadAllAsync(None);
        Assert.Equal(ConcurrentWriters, wins.Count);
        Assert.Equal(Enumerable.Range(0, ConcurrentWriters).Select(v => (long)v), wins.Order());
        Assert.Equal(ConcurrentWriters, final.Version);
        Assert.Equal(ConcurrentWriters, final.Entries.Count);
        Assert.True(attempts >= ConcurrentWriters);
    }

    [Fact]
    public async Task Concurrent_IAmAlive_updates_never_lose_a_membership_write()
    {
        IMembershipTable other = await OpenSameTableAsync();
        SiloAddress silo = Silo(11111);
        await WriteAsync(Entry(silo, SiloStatus.Active));

        Task heartbeats = Task.Run(async () =>
        {
            for (int i = 1; i <= 20; i++)
            {
                await other.UpdateIAmAliveAsync(silo, T0.AddSeconds(i), None);
            }
        });
        for (int i = 0; i < 10; i++)
        {
            await WriteAsync(Entry(Silo(30000 + i), SiloStatus.Joining));
        }

        await heartbeats;

        MembershipTableSnapshot table = await Table.ReadAllAsync(None);
        Assert.Equal(11, table.Version);
        Assert.Equal(11, table.Entries.Count);
        Assert.Equal(T0.AddSeconds(20), table.Find(silo)?.IAmAliveTime);
    }
}
