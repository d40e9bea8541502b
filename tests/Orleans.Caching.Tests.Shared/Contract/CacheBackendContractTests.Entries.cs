namespace Orleans.Caching.Tests.Contract;

public abstract partial class CacheBackendContractTests
{
    [Fact]
    public async Task Get_entry_returns_the_value_with_an_absolute_expiry()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("short", Bytes("a"), 100, None);
        await cache.SetAsync("long", Bytes("b"), 200, None);

        CacheEntry? shortEntry = await cache.GetEntryAsync("short", None);
        CacheEntry? longEntry = await cache.GetEntryAsync("long", None);

        Assert.NotNull(shortEntry);
        Assert.NotNull(longEntry);
        Assert.Equal("a", Text(shortEntry.Value));
        Assert.Equal("b", Text(longEntry.Value));
        Assert.NotNull(shortEntry.ExpiresAt);
        Assert.NotNull(longEntry.ExpiresAt);
        // 100 s apart, plus however long the second write came after the first on a real server (a loaded machine can stall).
        TimeSpan gap = longEntry.ExpiresAt.Value - shortEntry.ExpiresAt.Value;
        Assert.InRange(gap, TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(110));
    }

    [Fact]
    public async Task Get_entry_reports_the_same_expiry_as_time_passes()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("key", Bytes("v"), 100, None);
        DateTimeOffset? before = (await cache.GetEntryAsync("key", None))?.ExpiresAt;

        await AdvanceTimeAsync(TimeSpan.FromSeconds(1));

        DateTimeOffset? after = (await cache.GetEntryAsync("key", None))?.ExpiresAt;
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.InRange(after.Value - before.Value, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Get_entry_of_a_never_expiring_value_reports_no_expiry()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("forever", Bytes("x"), CacheTimeout.Never, None);

        CacheEntry? entry = await cache.GetEntryAsync("forever", None);

        Assert.NotNull(entry);
        Assert.Equal("x", Text(entry.Value));
        Assert.Null(entry.ExpiresAt);
    }

    [Fact]
    public async Task Get_entry_of_a_missing_or_expired_key_returns_null()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("brief", Bytes("x"), 1, None);
        Assert.NotNull(await cache.GetEntryAsync("brief", None));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Null(await cache.GetEntryAsync("brief", None));
        Assert.Null(await cache.GetEntryAsync("never-set", None));
    }
}
