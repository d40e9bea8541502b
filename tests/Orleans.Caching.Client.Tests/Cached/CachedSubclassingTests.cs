using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedSubclassingTests
{
    private readonly RecordingCache _cache = new(new SimpleCache(new SimpleCacheOptions(), new FakeTimeProvider()));

    [Fact]
    public void Cached_uses_the_public_get_and_set()
    {
        CachedFunction<Func<string>> view = _cache.Cached<Func<string>>(() => "hello");

        view.Invoke();
        Assert.Equal(["get", "set"], _cache.Calls);
        _cache.ClearCalls();
        view.Invoke();

        Assert.Equal(["get"], _cache.Calls);
    }

    [Fact]
    public void Cached_with_cache_none_uses_the_public_has()
    {
        CachedFunction<Func<string>> view = _cache.Cached<Func<string>>(() => "hello", new CachedOptions { CacheNone = true });

        view.Invoke();

        Assert.Equal(["get", "has", "set"], _cache.Calls);
    }

    [Fact]
    public async Task Delete_cached_uses_the_public_delete()
    {
        CachedFunction<Func<string>> view = _cache.Cached<Func<string>>(() => "hello");
        view.Invoke();
        _cache.ClearCalls();

        await _cache.DeleteCachedAsync(view, "/");

        Assert.Equal(["delete"], _cache.Calls);
    }

    [Fact]
    public void Subclass_overrides_still_cache_correctly()
    {
        int calls = 0;
        CachedFunction<Func<int>> view = _cache.Cached<Func<int>>(() => ++calls);

        Assert.Equal(1, view.Invoke());
        Assert.Equal(1, view.Invoke());
        Assert.Equal(1, calls);
    }
}
