namespace Orleans.Caching.Grains.Tests.Entries;

public sealed class CacheEntryGrainCounterTests : CacheEntryGrainTestBase
{
    [Fact]
    public async Task Increment_of_a_missing_key_counts_from_zero_and_stores_ascii_decimal()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.Equal(5, await grain.IncrementAsync(5, null));
        Assert.Equal(3, await grain.IncrementAsync(-2, null));

        Assert.Equal("3", Text(await grain.GetAsync()));
        Assert.Equal("3", await BackendTextAsync());
    }

    [Fact]
    public async Task Increments_apply_one_after_another_without_losing_any()
    {
        CacheEntryGrain grain = await ActivateAsync();
        for (int i = 0; i < 100; i++)
        {
            await grain.IncrementAsync(1, null);
        }

        Assert.Equal("100", Text(await grain.GetAsync()));
        Assert.Equal(-50, await grain.IncrementAsync(-150, null));
    }

    [Fact]
    public async Task Increment_keeps_the_expiry_of_an_existing_value()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("10"), TimeSpan.FromSeconds(10));
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(11, await grain.IncrementAsync(1, TimeSpan.FromHours(1)));

        Clock.Advance(TimeSpan.FromSeconds(4.5));
        Assert.Equal("11", Text(await grain.GetAsync()));
        Clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task A_created_counter_gets_the_time_to_live_if_created()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.Equal(1, await grain.IncrementAsync(1, TimeSpan.FromSeconds(3)));

        Assert.Equal(Clock.GetUtcNow().AddSeconds(3), (await grain.GetEntryAsync())?.ExpiresAt);
        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Null(await grain.GetAsync());
        Assert.Equal(7, await grain.IncrementAsync(7, null));
        Assert.Null((await grain.GetEntryAsync())?.ExpiresAt);
    }

    [Fact]
    public async Task Increment_of_a_non_integer_throws_a_clear_error_and_leaves_the_value()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("\"text\""), TimeSpan.FromSeconds(60));
        int writes = Storage.Writes;

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await grain.IncrementAsync(1, null));

        Assert.Contains("not an integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("'key'", error.Message, StringComparison.Ordinal);
        Assert.Equal("\"text\"", Text(await grain.GetAsync()));
        Assert.Equal("\"text\"", await BackendTextAsync());
        Assert.Equal(writes, Storage.Writes);
    }

    [Fact]
    public async Task Increment_that_overflows_throws_and_leaves_the_value()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes(long.MaxValue.ToString()), null);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await grain.IncrementAsync(1, null));

        Assert.Equal(long.MaxValue.ToString(), Text(await grain.GetAsync()));
    }

    [Fact]
    public async Task Increment_of_an_expired_value_starts_from_zero()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("41"), TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await grain.IncrementAsync(1, null));
    }
}
