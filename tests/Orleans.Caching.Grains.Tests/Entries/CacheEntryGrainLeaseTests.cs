using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Entries;

public sealed class CacheEntryGrainLeaseTests : CacheEntryGrainTestBase
{
    private static TimeSpan LeaseDuration => TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_live_value_is_a_hit()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), null);

        CacheLeaseResult result = await grain.GetOrLeaseAsync(LeaseDuration);

        Assert.True(result.Found);
        Assert.Equal("v", Text(result.Value));
        Assert.False(result.HasLease);
        Assert.Null(result.WaitSignal);
    }

    [Fact]
    public async Task The_first_caller_gets_a_lease_and_the_next_waits_until_a_value_is_set()
    {
        CacheEntryGrain grain = await ActivateAsync();

        CacheLeaseResult first = await grain.GetOrLeaseAsync(LeaseDuration);
        CacheLeaseResult second = await grain.GetOrLeaseAsync(LeaseDuration);
        CacheLeaseResult third = await grain.GetOrLeaseAsync(LeaseDuration);

        Assert.True(first.HasLease);
        Assert.False(first.Found);
        Assert.False(second.HasLease);
        Assert.NotNull(second.WaitSignal);
        Assert.Same(second.WaitSignal, third.WaitSignal);
        Assert.False(second.WaitSignal.IsCompleted);

        await grain.SetAsync(Bytes("computed"), null);

        await second.WaitSignal.WaitAsync(TimeSpan.FromSeconds(10));
        CacheLeaseResult retry = await grain.GetOrLeaseAsync(LeaseDuration);
        Assert.True(retry.Found);
        Assert.Equal("computed", Text(retry.Value));
    }

    [Fact]
    public async Task Releasing_the_lease_frees_the_waiters_and_the_next_caller_gets_a_new_lease()
    {
        CacheEntryGrain grain = await ActivateAsync();
        CacheLeaseResult holder = await grain.GetOrLeaseAsync(LeaseDuration);
        CacheLeaseResult waiter = await grain.GetOrLeaseAsync(LeaseDuration);

        Assert.False(await grain.ReleaseLeaseAsync(holder.LeaseId + 1));
        Assert.False(waiter.WaitSignal!.IsCompleted);
        Assert.True(await grain.ReleaseLeaseAsync(holder.LeaseId));

        await waiter.WaitSignal.WaitAsync(TimeSpan.FromSeconds(10));
        CacheLeaseResult next = await grain.GetOrLeaseAsync(LeaseDuration);
        Assert.True(next.HasLease);
        Assert.True(next.LeaseId > holder.LeaseId);
        Assert.False(await grain.ReleaseLeaseAsync(holder.LeaseId));
    }

    [Fact]
    public async Task An_expired_lease_releases_its_waiters_and_a_new_caller_gets_a_new_lease()
    {
        CacheEntryGrain grain = await ActivateAsync();
        CacheLeaseResult holder = await grain.GetOrLeaseAsync(LeaseDuration);
        CacheLeaseResult waiter = await grain.GetOrLeaseAsync(LeaseDuration);

        Clock.Advance(LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.False(waiter.WaitSignal!.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));

        await waiter.WaitSignal.WaitAsync(TimeSpan.FromSeconds(10));
        CacheLeaseResult next = await grain.GetOrLeaseAsync(LeaseDuration);
        Assert.True(next.HasLease);
        Assert.NotEqual(holder.LeaseId, next.LeaseId);
        Assert.False(await grain.ReleaseLeaseAsync(holder.LeaseId));
    }

    [Fact]
    public async Task Add_and_increment_also_complete_the_lease()
    {
        CacheEntryGrain added = await ActivateAsync("added");
        await added.GetOrLeaseAsync(LeaseDuration);
        Task addSignal = (await added.GetOrLeaseAsync(LeaseDuration)).WaitSignal!;
        CacheEntryGrain counted = await ActivateAsync("counted");
        await counted.GetOrLeaseAsync(LeaseDuration);
        Task countSignal = (await counted.GetOrLeaseAsync(LeaseDuration)).WaitSignal!;

        await added.AddAsync(Bytes("a"), null);
        await counted.IncrementAsync(1, null);

        await Task.WhenAll(addSignal, countSignal).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True((await added.GetOrLeaseAsync(LeaseDuration)).Found);
        Assert.Equal("1", Text((await counted.GetOrLeaseAsync(LeaseDuration)).Value));
    }

    [Fact]
    public async Task A_failed_set_keeps_the_lease_and_its_waiters_waiting()
    {
        CacheEntryGrain grain = await ActivateAsync();
        CacheLeaseResult holder = await grain.GetOrLeaseAsync(LeaseDuration);
        Task signal = (await grain.GetOrLeaseAsync(LeaseDuration)).WaitSignal!;
        Storage.FailWrites = true;

        await Assert.ThrowsAsync<IOException>(async () => await grain.SetAsync(Bytes("v"), null));

        Assert.False(signal.IsCompleted);
        Assert.True(await grain.ReleaseLeaseAsync(holder.LeaseId));
        await signal.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Deactivation_releases_the_waiters()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.GetOrLeaseAsync(LeaseDuration);
        Task signal = (await grain.GetOrLeaseAsync(LeaseDuration)).WaitSignal!;

        await grain.OnDeactivateAsync(DeactivationReason.Idle, None);

        await signal.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(signal.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_non_positive_lease_duration_is_rejected()
    {
        CacheEntryGrain grain = await ActivateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await grain.GetOrLeaseAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_grain_that_never_leases_allocates_no_lease_state()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), null);
        await grain.GetOrLeaseAsync(LeaseDuration);

        Assert.False(grain.HoldsLeaseState);
        await grain.DeleteAsync();
        await grain.GetOrLeaseAsync(LeaseDuration);
        Assert.True(grain.HoldsLeaseState);
    }
}
