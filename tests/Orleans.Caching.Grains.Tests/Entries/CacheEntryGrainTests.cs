namespace Orleans.Caching.Grains.Tests.Entries;

public sealed class CacheEntryGrainTests : CacheEntryGrainTestBase
{
    [Fact]
    public async Task A_new_key_reads_as_missing()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.Null(await grain.GetAsync());
        Assert.Null(await grain.GetEntryAsync());
        Assert.False(await grain.HasAsync());
    }

    [Fact]
    public async Task Set_stores_the_value_in_memory_and_the_raw_bytes_in_the_backend()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.True(await grain.SetAsync(Bytes("hello"), TimeSpan.FromSeconds(30)));

        Assert.Equal("hello", Text(await grain.GetAsync()));
        Assert.True(await grain.HasAsync());
        Assert.Equal("hello", await BackendTextAsync());
    }

    [Fact]
    public async Task A_value_is_live_until_just_before_its_expiry_and_missing_at_exactly_the_expiry()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), TimeSpan.FromSeconds(10));

        Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Equal("v", Text(await grain.GetAsync()));
        Assert.True(await grain.HasAsync());

        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await grain.GetAsync());
        Assert.False(await grain.HasAsync());
        Assert.Null(await grain.GetEntryAsync());
    }

    [Fact]
    public async Task Get_entry_returns_the_absolute_expiry_or_none_for_a_value_that_never_expires()
    {
        CacheEntryGrain expiring = await ActivateAsync("expiring");
        CacheEntryGrain forever = await ActivateAsync("forever");
        DateTimeOffset writtenAt = Clock.GetUtcNow();
        await expiring.SetAsync(Bytes("a"), TimeSpan.FromSeconds(10));
        await forever.SetAsync(Bytes("b"), null);

        CacheEntrySnapshot? entry = await expiring.GetEntryAsync();
        CacheEntrySnapshot? permanent = await forever.GetEntryAsync();

        Assert.NotNull(entry);
        Assert.Equal("a", Text(entry.Value));
        Assert.Equal(writtenAt.AddSeconds(10), entry.ExpiresAt);
        Assert.NotNull(permanent);
        Assert.Null(permanent.ExpiresAt);
    }

    [Fact]
    public async Task A_null_time_to_live_never_expires()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("forever"), null);

        Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal("forever", Text(await grain.GetAsync()));
        Assert.Equal("forever", await BackendTextAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_zero_or_negative_time_to_live_makes_the_key_read_as_missing_and_clears_storage(int seconds)
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("old"), null);

        Assert.True(await grain.SetAsync(Bytes("new"), TimeSpan.FromSeconds(seconds)));

        Assert.Null(await grain.GetAsync());
        Assert.False(await grain.HasAsync());
        Assert.Null(await BackendTextAsync());
    }

    [Fact]
    public async Task Add_stores_only_when_no_live_value_is_held()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.True(await grain.AddAsync(Bytes("first"), TimeSpan.FromSeconds(5)));
        Assert.False(await grain.AddAsync(Bytes("second"), TimeSpan.FromSeconds(5)));
        Assert.Equal("first", Text(await grain.GetAsync()));
        Assert.Equal("first", await BackendTextAsync());

        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await grain.AddAsync(Bytes("third"), null));
        Assert.Equal("third", Text(await grain.GetAsync()));
        Assert.Equal("third", await BackendTextAsync());
    }

    [Fact]
    public async Task Delete_reports_whether_a_live_value_was_removed_and_clears_storage()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), null);

        Assert.True(await grain.DeleteAsync());
        Assert.Null(await grain.GetAsync());
        Assert.Null(await BackendTextAsync());
        Assert.False(await grain.DeleteAsync());
    }

    [Fact]
    public async Task Delete_of_an_expired_value_returns_false()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.False(await grain.DeleteAsync());
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Touch_gives_a_live_value_a_new_time_to_live_in_memory_and_in_storage()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), TimeSpan.FromSeconds(5));
        Clock.Advance(TimeSpan.FromSeconds(4));

        Assert.True(await grain.TouchAsync(TimeSpan.FromSeconds(100)));
        Clock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal("v", Text(await grain.GetAsync()));
        Assert.Equal("v", await BackendTextAsync());
        Assert.Equal(Clock.GetUtcNow().AddSeconds(50), (await grain.GetEntryAsync())?.ExpiresAt);
    }

    [Fact]
    public async Task Touch_of_a_missing_or_expired_value_returns_false()
    {
        CacheEntryGrain grain = await ActivateAsync();
        Assert.False(await grain.TouchAsync(null));

        await grain.SetAsync(Bytes("v"), TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await grain.TouchAsync(null));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Touch_with_a_negative_time_to_live_expires_the_value()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), null);

        Assert.True(await grain.TouchAsync(TimeSpan.FromSeconds(-1)));

        Assert.Null(await grain.GetAsync());
        Assert.Null(await BackendTextAsync());
    }

    [Fact]
    public async Task An_oversized_value_is_rejected_before_any_state_changes()
    {
        CacheEntryGrain grain = await ActivateAsync(options: new CacheGrainOptions { MaxValueBytes = 4 });
        await grain.SetAsync(Bytes("abcd"), null);
        int writes = Storage.Writes;

        ArgumentException set = await Assert.ThrowsAsync<ArgumentException>(async () => await grain.SetAsync(Bytes("abcde"), null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await grain.AddAsync(Bytes("abcde"), null));

        Assert.Contains("MaxValueBytes", set.Message, StringComparison.Ordinal);
        Assert.Equal("abcd", Text(await grain.GetAsync()));
        Assert.Equal("abcd", await BackendTextAsync());
        Assert.Equal(writes, Storage.Writes);
    }

    [Fact]
    public async Task The_default_value_limit_is_sixteen_mebibytes()
    {
        CacheEntryGrain grain = await ActivateAsync();

        Assert.True(await grain.SetAsync(new byte[16 * 1024 * 1024], null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await grain.SetAsync(new byte[(16 * 1024 * 1024) + 1], null));
        Assert.Equal(16 * 1024 * 1024, (await grain.GetAsync())?.Length);
    }

    [Fact]
    public async Task Estimated_size_follows_the_value_length()
    {
        CacheEntryGrain grain = await ActivateAsync();
        long empty = grain.EstimatedSize;

        await grain.SetAsync(new byte[1000], null);

        Assert.InRange(empty, 1, 256);
        Assert.Equal(empty + 1000, grain.EstimatedSize);
    }
}
