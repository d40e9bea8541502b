using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedProxyApiTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        Cache cache = CachedTestCaches.Create(_clock);

        await cache.SetAsync("hi", "hello");

        Assert.Equal("hello", await cache.GetAsync("hi"));
    }

    [Fact]
    public async Task Has_is_true_after_add()
    {
        Cache cache = CachedTestCaches.Create(_clock);

        await cache.AddAsync("hi", "hello");

        Assert.True(await cache.HasAsync("hi"));
    }

    [Fact]
    public async Task Add_does_not_overwrite_a_live_value()
    {
        Cache cache = CachedTestCaches.Create(_clock);

        await cache.AddAsync("hi", "hello");
        await cache.AddAsync("hi", "foobar");

        Assert.Equal("hello", await cache.GetAsync("hi"));
    }

    [Fact]
    public async Task Delete_removes_the_value()
    {
        Cache cache = CachedTestCaches.Create(_clock);
        await cache.SetAsync("hi", "hello");

        await cache.DeleteAsync("hi");

        Assert.Null(await cache.GetAsync("hi"));
    }

    [Fact]
    public async Task Delete_many_with_a_missing_key_does_not_throw_when_errors_are_not_ignored()
    {
        Cache cache = CachedTestCaches.Create(_clock, backendOptions: new SimpleCacheOptions { IgnoreDeleteManyErrors = false });
        await cache.SetAsync("hi", "hello");

        IReadOnlyList<string> deleted = await cache.DeleteManyAsync("ho", "hi");

        Assert.Contains("hi", deleted);
        Assert.Null(await cache.GetAsync("hi"));
    }

    [Fact]
    public async Task Unlink_falls_back_to_delete_many_on_simple_cache()
    {
        Cache cache = CachedTestCaches.Create(_clock);
        await cache.SetAsync("biggerkey", "test" + new string('x', 100));
        await cache.SetAsync("k1", "v1");
        await cache.SetAsync("k2", "v2");

        await cache.UnlinkAsync("biggerkey");
        Assert.Null(await cache.GetAsync("biggerkey"));
        Assert.Equal("v1", await cache.GetAsync("k1"));

        await cache.UnlinkAsync("k1", "k2");
        Assert.Null(await cache.GetAsync("k1"));
        Assert.Null(await cache.GetAsync("k2"));
    }

    [Fact]
    public async Task Delete_many_removes_the_key_when_errors_are_ignored()
    {
        Cache cache = CachedTestCaches.Create(_clock, backendOptions: new SimpleCacheOptions { IgnoreDeleteManyErrors = true });
        await cache.SetAsync("hi", "hello");

        await cache.DeleteManyAsync("ho", "hi");

        Assert.Null(await cache.GetAsync("hi"));
    }
}
