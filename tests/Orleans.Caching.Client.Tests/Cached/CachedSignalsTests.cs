using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedSignalsTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<(string Name, object? Sender, CacheSignalEventArgs Args)> _signals = [];

    [Fact]
    public void Signals_are_off_by_default()
    {
        Cache cache = Create(new CacheOptions());
        CachedFunction<Func<string>> view = cache.Cached<Func<string>>(() => "hello");

        Get(view, "/");
        Get(view, "/");

        Assert.Empty(_signals);
    }

    [Fact]
    public void Cached_function_sends_a_miss_then_a_hit_with_the_same_key()
    {
        Cache cache = Create(new CacheOptions { EnableSignals = true });
        CachedFunction<Func<string>> view = cache.Cached<Func<string>>(() => "hello");

        Get(view, "/");
        Assert.Equal(["miss"], _signals.Select(s => s.Name));
        Get(view, "/");

        Assert.Equal(["miss", "hit"], _signals.Select(s => s.Name));
        Assert.All(_signals, s =>
        {
            Assert.Same(cache, s.Sender);
            Assert.Equal(CacheSignalKind.Cached, s.Args.Kind);
            Assert.Equal("view//", s.Args.CacheKey);
            Assert.Empty(s.Args.Invocation.Arguments);
            Assert.Same(view.Uncached, s.Args.Invocation.Function);
        });
    }

    [Fact]
    public void Signals_are_per_cache_key()
    {
        Cache cache = Create(new CacheOptions { EnableSignals = true });
        CachedFunction<Func<string>> view = cache.Cached<Func<string>>(() => "hello");

        Get(view, "/foo");
        Get(view, "/bar");
        Get(view, "/foo");

        Assert.Equal(["miss", "miss", "hit"], _signals.Select(s => s.Name));
        Assert.NotEqual(_signals[0].Args.CacheKey, _signals[1].Args.CacheKey);
        Assert.Equal(_signals[0].Args.CacheKey, _signals[2].Args.CacheKey);
    }

    [Fact]
    public void Forced_update_and_stale_values_send_misses_and_unless_sends_nothing()
    {
        Cache cache = Create(new CacheOptions { EnableSignals = true });
        bool forced = false, stale = false, bypass = false;
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => 1, new CachedOptions
        {
            KeyPrefix = "k",
            ForcedUpdate = _ => forced,
            IsStale = (_, _) => stale,
            Unless = _ => bypass,
        });
        function.Invoke();
        _signals.Clear();

        forced = true;
        function.Invoke();
        forced = false;
        stale = true;
        function.Invoke();
        stale = false;
        bypass = true;
        function.Invoke();

        Assert.Equal(["miss", "miss"], _signals.Select(s => s.Name));
    }

    [Fact]
    public void Arguments_of_the_call_are_in_the_payload()
    {
        Cache cache = Create(new CacheOptions { EnableSignals = true });
        CachedFunction<Func<int, int, int>> add = cache.Cached<Func<int, int, int>>((a, b) => a + b, new CachedOptions { KeyPrefix = "add" });

        add.Invoke(1, 2);

        Assert.Equal([1, 2], Assert.Single(_signals).Args.Invocation.Arguments);
    }

    private static void Get(CachedFunction<Func<string>> view, string path)
    {
        using (CacheRequestContext.Push(path))
        {
            view.Invoke();
        }
    }

    private Cache Create(CacheOptions options)
    {
        Cache cache = CachedTestCaches.Create(_clock, options);
        cache.Hit += (sender, args) => _signals.Add(("hit", sender, args));
        cache.Miss += (sender, args) => _signals.Add(("miss", sender, args));
        return cache;
    }
}
