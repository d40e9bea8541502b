using Orleans.Caching.Tests.Chaos;

namespace Orleans.Caching.Tests.Simple;

public sealed class SimpleCacheTests
{
    private static CancellationToken None => CancellationToken.None;
    private readonly FakeTimeProvider _clock = new();

    private SimpleCache Create(int threshold = SimpleCacheOptions.DefaultThreshold) => new(new SimpleCacheOptions { Threshold = threshold }, _clock);

    [Fact]
    public async Task Purge_prunes_before_inserting_so_threshold_2_holds_3_items()
    {
        SimpleCache cache = Create(threshold: 2);
        foreach (string key in new[] { "a", "b", "c", "d" })
        {
            Assert.True(await cache.SetAsync(key, "v"u8.ToArray(), null, None));
        }

        Assert.Equal(3, cache.Count);
        Assert.True(await cache.HasAsync("d", None));
    }

    [Fact]
    public void Threshold_0_means_500()
    {
        Assert.Equal(500, Create(threshold: 0).Threshold);
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(threshold: -1));
    }

    [Fact]
    public async Task An_entry_is_alive_just_before_its_timeout_and_dead_at_exactly_the_timeout()
    {
        SimpleCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), 10, None);

        _clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.True(await cache.HasAsync("k", None));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(await cache.HasAsync("k", None));
        Assert.Null(await cache.GetAsync("k", None));
    }

    [Fact]
    public async Task Pruning_drops_expired_entries_before_live_ones()
    {
        SimpleCache cache = Create(threshold: 2);
        await cache.SetAsync("expiring", "v"u8.ToArray(), 1, None);
        await cache.SetAsync("live1", "v"u8.ToArray(), 100, None);
        await cache.SetAsync("live2", "v"u8.ToArray(), 200, None);
        _clock.Advance(TimeSpan.FromSeconds(5));

        await cache.SetAsync("new", "v"u8.ToArray(), 300, None);

        Assert.Equal(3, cache.Count);
        Assert.True(await cache.HasAsync("live1", None));
        Assert.True(await cache.HasAsync("live2", None));
        Assert.True(await cache.HasAsync("new", None));
    }

    [Fact]
    public async Task Pruning_drops_the_soonest_to_expire_when_nothing_has_expired()
    {
        SimpleCache cache = Create(threshold: 2);
        await cache.SetAsync("late", "v"u8.ToArray(), 300, None);
        await cache.SetAsync("forever", "v"u8.ToArray(), 0, None);
        await cache.SetAsync("soon", "v"u8.ToArray(), 10, None);

        await cache.SetAsync("new", "v"u8.ToArray(), 100, None);

        Assert.False(await cache.HasAsync("soon", None));
        Assert.True(await cache.HasAsync("late", None));
        Assert.True(await cache.HasAsync("forever", None));
        Assert.True(await cache.HasAsync("new", None));
    }

    [Fact]
    public async Task A_huge_timeout_does_not_overflow_into_an_expired_entry()
    {
        SimpleCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), long.MaxValue / 2, None);
        _clock.Advance(TimeSpan.FromDays(365));
        Assert.True(await cache.HasAsync("k", None));
    }

    [Fact]
    public async Task Concurrent_writes_reads_and_increments_keep_the_count_within_the_threshold()
    {
        SimpleCache cache = Create(threshold: 50);
        Task writers = Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(async () => await cache.SetAsync($"k{i}", "v"u8.ToArray(), null, None))));
        Task counters = Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(async () => await cache.IncrementAsync("n", 1, None))));
        Task readers = Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(async () => await cache.GetAsync($"k{i}", None))));
        await Task.WhenAll(writers, counters, readers);

        Assert.True(cache.Count <= 51, $"count {cache.Count}");
    }

    [Fact]
    public async Task Delete_many_throws_naming_the_keys_that_remain()
    {
        var inner = new SimpleCache(new SimpleCacheOptions(), _clock);
        var cache = new DeleteFailingBackend(inner, new CacheBackendOptions()) { StuckKeys = { "stuck" } };
        await cache.SetManyAsync([new("a", "1"u8.ToArray()), new("stuck", "2"u8.ToArray()), new("b", "3"u8.ToArray())], null, None);

        CacheDeleteManyException error = await Assert.ThrowsAsync<CacheDeleteManyException>(async () => await cache.DeleteManyAsync(["a", "stuck", "b"], None));

        Assert.Equal(["stuck"], error.FailedKeys);
        Assert.Equal(["a", "b"], error.DeletedKeys);
        Assert.Equal("Failed to delete keys: ['stuck']", error.Message);
        Assert.True(await inner.HasAsync("stuck", None));
        Assert.False(await inner.HasAsync("a", None));
    }

    [Fact]
    public async Task Delete_many_with_ignored_errors_returns_the_deleted_keys()
    {
        var inner = new SimpleCache(new SimpleCacheOptions(), _clock);
        var cache = new DeleteFailingBackend(inner, new CacheBackendOptions { IgnoreDeleteManyErrors = true }) { StuckKeys = { "stuck" } };
        await cache.SetManyAsync([new("a", "1"u8.ToArray()), new("stuck", "2"u8.ToArray())], null, None);

        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(["a", "stuck", "never-set"], None);

        Assert.Equal(["a", "never-set"], deleted);
        Assert.True(await inner.HasAsync("stuck", None));
    }

    [Fact]
    public async Task Delete_many_counts_a_key_whose_delete_failed_but_is_gone_as_deleted()
    {
        var inner = new SimpleCache(new SimpleCacheOptions(), _clock);
        var cache = new DeleteFailingBackend(inner, new CacheBackendOptions()) { StuckKeys = { "ghost" } };

        Assert.Equal(["ghost"], await cache.DeleteManyAsync(["ghost"], None));
    }

    [Fact]
    public async Task Increment_rewrites_the_counter_with_the_default_timeout()
    {
        var cache = new SimpleCache(new SimpleCacheOptions { DefaultTimeout = 10 }, _clock);
        await cache.SetAsync("n", "1"u8.ToArray(), 0, None);
        Assert.Equal(2, await cache.IncrementAsync("n", 1, None));

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False(await cache.HasAsync("n", None));
    }
}
