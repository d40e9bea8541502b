using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeFailureTests
{
    [Fact]
    public async Task A_stored_value_that_cannot_be_read_is_a_logged_miss_and_is_replaced()
    {
        var clock = new FakeTimeProvider();
        var logger = new ListLogger();
        var cache = new Cache(new SimpleCache(new SimpleCacheOptions(), clock), logger: logger, timeProvider: clock);
        int calls = 0;
        var f = cache.Memoize<Func<int, int>>(a => { calls++; return a * 2; });
        Assert.Equal(2, f.Invoke(1));
        string key = await f.MakeCacheKeyAsync(1);
        await cache.SetAsync(key, "not a number");

        Assert.Equal(2, f.Invoke(1));
        Assert.Equal(2, calls);
        ListLogger.Entry entry = Assert.Single(logger.Entries);
        Assert.Equal(2, entry.EventId.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(2, await cache.GetAsync<int>(key));
        Assert.Equal(2, f.Invoke(1));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_failing_backend_runs_the_function_uncached()
    {
        var clock = new FakeTimeProvider();
        var cache = new FailingCache(new SimpleCache(new SimpleCacheOptions(), clock), timeProvider: clock) { FailReads = true };
        int calls = 0;
        var f = cache.Memoize<Func<int, int>>(a => { calls++; return a * 2; });
        Assert.Equal(2, f.Invoke(1));
        Assert.Equal(2, f.Invoke(1));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_failing_write_still_returns_the_value()
    {
        var clock = new FakeTimeProvider();
        var cache = new FailingCache(new SimpleCache(new SimpleCacheOptions(), clock), timeProvider: clock) { FailWrites = true };
        var f = cache.Memoize<Func<int, int>>(a => a * 3);
        Assert.Equal(3, f.Invoke(1));
    }

    [Fact]
    public void In_debug_mode_cache_failures_are_thrown()
    {
        var clock = new FakeTimeProvider();
        var cache = new FailingCache(new SimpleCache(new SimpleCacheOptions(), clock), new CacheOptions { Debug = true }, clock) { FailReads = true };
        var f = cache.Memoize<Func<int, int>>(a => a);
        Assert.Throws<CacheException>(() => f.Invoke(1));
    }

    [Fact]
    public void A_callback_failure_runs_the_function_uncached()
    {
        var h = new MemoizeHarness();
        int calls = 0;
        var f = h.Cache.Memoize<Func<int, int>>(a => { calls++; return a; }, new MemoizeOptions { ForcedUpdate = _ => throw new InvalidOperationException() });
        Assert.Equal(1, f.Invoke(1));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_stored_value_that_cannot_be_read_counts_as_a_miss()
    {
        var h = new MemoizeHarness();
        int calls = 0;
        var f = h.Cache.Memoize<Func<int, int>>(a => { calls++; return a + 10; });
        string key = await f.MakeCacheKeyAsync(1);
        await h.Cache.SetAsync(key, "not a number");
        Assert.Equal(11, f.Invoke(1));
        Assert.Equal(11, f.Invoke(1));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_null_instance_is_keyed_as_none()
    {
        var h = new MemoizeHarness();
        var f = h.Cache.Memoize<Func<Adder?, int, long>>((self, b) => b);
        Assert.Equal(3, f.Invoke(null, 3));
        Assert.Equal(3, f.Invoke(null, 3));
    }
}
