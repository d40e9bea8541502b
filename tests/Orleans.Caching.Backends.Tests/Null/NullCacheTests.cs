namespace Orleans.Caching.Tests.Null;

public sealed class NullCacheTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Has_is_false_even_after_set()
    {
        var cache = new NullCache();
        Assert.False(await cache.HasAsync("foo", None));
        Assert.True(await cache.SetAsync("foo", "bar"u8.ToArray(), null, None));
        Assert.False(await cache.HasAsync("foo", None));
    }

    [Fact]
    public async Task Get_always_misses()
    {
        var cache = new NullCache();
        await cache.SetAsync("foo", "bar"u8.ToArray(), 0, None);
        Assert.Null(await cache.GetAsync("foo", None));
        Assert.Equal([null, null], await cache.GetManyAsync(["foo", "other"], None));
    }

    [Fact]
    public async Task Writes_deletes_and_clear_report_success()
    {
        var cache = new NullCache();
        Assert.True(await cache.AddAsync("foo", "bar"u8.ToArray(), null, None));
        Assert.True(await cache.AddAsync("foo", "bar"u8.ToArray(), null, None));
        Assert.True(await cache.DeleteAsync("foo", None));
        Assert.True(await cache.ClearAsync(None));
        Assert.Equal(["a", "b"], await cache.SetManyAsync([new("a", "1"u8.ToArray()), new("b", "2"u8.ToArray())], null, None));
        Assert.Equal(["a", "b"], await cache.DeleteManyAsync(["a", "b"], None));
    }

    [Fact]
    public async Task Increment_and_decrement_return_the_delta()
    {
        var cache = new NullCache();
        Assert.Equal(1, await cache.IncrementAsync("n", 1, None));
        Assert.Equal(1, await cache.IncrementAsync("n", 1, None));
        Assert.Equal(-3, await cache.IncrementAsync("n", -3, None));
    }

    [Fact]
    public async Task Keys_are_still_validated()
    {
        var cache = new NullCache(new CacheBackendOptions { MaxKeyBytes = 4 });
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await cache.GetAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await cache.SetAsync("toolong", "v"u8.ToArray(), null, None));
    }
}
