namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeSubclassingTests
{
    private readonly RecordingCache _cache;
    private int _calls;

    public MemoizeSubclassingTests()
    {
        var clock = new FakeTimeProvider();
        _cache = new RecordingCache(new SimpleCache(new SimpleCacheOptions(), clock), timeProvider: clock);
    }

    private MemoizedFunction<Func<int, int, int>> Add() => _cache.Memoize<Func<int, int, int>>((a, b) => { _calls++; return a + b; });

    [Fact]
    public void Memoize_goes_through_the_public_methods()
    {
        var add = Add();
        add.Invoke(1, 2);
        Assert.Equal(["get_many", "set_many", "get", "set", "get_many", "set_many"], _cache.Calls);
        _cache.Calls.Clear();
        add.Invoke(1, 2);
        Assert.Equal(["get_many", "get"], _cache.Calls);
    }

    [Fact]
    public void Cache_none_uses_the_public_has()
    {
        var f = _cache.Memoize<Func<int, string?>>(_ => null, new MemoizeOptions { CacheNone = true });
        f.Invoke(1);
        _cache.Calls.Clear();
        f.Invoke(1);
        Assert.Equal(["get_many", "get", "has"], _cache.Calls);
    }

    [Fact]
    public async Task Delete_with_arguments_uses_the_public_delete()
    {
        var add = Add();
        add.Invoke(1, 2);
        _cache.Calls.Clear();
        await _cache.DeleteMemoizedAsync(add, 1, 2);
        Assert.Contains("delete", _cache.Calls);
    }

    [Fact]
    public async Task Delete_without_arguments_uses_the_public_set_many()
    {
        var add = Add();
        add.Invoke(1, 2);
        _cache.Calls.Clear();
        await _cache.DeleteMemoizedAsync(add);
        Assert.Equal(["get_many", "set_many"], _cache.Calls);
    }

    [Fact]
    public async Task Verhash_delete_uses_the_public_delete_many()
    {
        var add = Add();
        add.Invoke(1, 2);
        _cache.Calls.Clear();
        await _cache.DeleteMemoizedVerhashAsync(add);
        Assert.Equal(["delete_many"], _cache.Calls);
    }

    [Fact]
    public void Overrides_still_cache_correctly()
    {
        var add = Add();
        Assert.Equal(3, add.Invoke(1, 2));
        Assert.Equal(3, add.Invoke(1, 2));
        Assert.Equal(1, _calls);
    }
}
