using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedFailureTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ListLogger _logger = new();
    private int _calls;

    [Fact]
    public void A_function_that_throws_is_not_cached_and_the_exception_propagates()
    {
        Cache cache = CachedTestCaches.Create(_clock, logger: _logger);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() =>
        {
            if (++_calls == 1)
            {
                throw new InvalidOperationException("boom");
            }

            return _calls;
        });

        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => function.Invoke()).Message);
        Assert.Equal(2, function.Invoke());
        Assert.Equal(2, function.Invoke());
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void A_failing_backend_runs_the_function_uncached_and_logs_an_error()
    {
        var backend = new FailingBackend(_clock);
        var cache = new Cache(backend, logger: _logger, timeProvider: _clock);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => ++_calls, new CachedOptions { KeyPrefix = "k" });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(2, function.Invoke());

        Assert.Equal(2, _logger.Entries.Count);
        Assert.All(_logger.Entries, entry =>
        {
            Assert.Equal(1, entry.EventId.Id);
            Assert.Equal(LogLevel.Error, entry.Level);
            Assert.IsType<CacheException>(entry.Exception);
            Assert.Contains("get", entry.Message, StringComparison.Ordinal);
            Assert.Contains("'k'", entry.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_failing_write_is_logged_and_the_value_returned()
    {
        var backend = new FailingBackend(_clock) { FailReads = false };
        var cache = new Cache(backend, logger: _logger, timeProvider: _clock);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => ++_calls, new CachedOptions { KeyPrefix = "k" });

        Assert.Equal(1, function.Invoke());

        ListLogger.Entry entry = Assert.Single(_logger.Entries);
        Assert.Equal(1, entry.EventId.Id);
        Assert.Contains("set", entry.Message, StringComparison.Ordinal);

        backend.FailWrites = false;
        Assert.Equal(2, function.Invoke());
        Assert.Equal(2, function.Invoke());
    }

    [Fact]
    public void In_debug_mode_a_backend_failure_propagates()
    {
        var cache = new Cache(new FailingBackend(_clock), new CacheOptions { Debug = true }, logger: _logger, timeProvider: _clock);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => ++_calls);

        Assert.Throws<CacheException>(() => function.Invoke());
        Assert.Equal(0, _calls);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void A_callback_that_throws_is_a_cache_failure()
    {
        Cache cache = CachedTestCaches.Create(_clock, logger: _logger);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => ++_calls, new CachedOptions
        {
            IsStale = (_, _) => throw new InvalidOperationException("callback"),
        });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(2, function.Invoke());

        ListLogger.Entry entry = Assert.Single(_logger.Entries);
        Assert.Contains("is_stale", entry.Message, StringComparison.Ordinal);

        Cache debug = CachedTestCaches.Create(_clock, new CacheOptions { Debug = true });
        CachedFunction<Func<int>> strict = debug.Cached<Func<int>>(() => 1, new CachedOptions { ForcedUpdate = _ => throw new InvalidOperationException("callback") });
        Assert.Equal("callback", Assert.Throws<InvalidOperationException>(() => strict.Invoke()).Message);
    }

    [Fact]
    public void A_stream_result_cannot_be_stored_and_is_returned_uncached()
    {
        Cache cache = CachedTestCaches.Create(_clock, logger: _logger);
        CachedFunction<Func<Stream>> function = cache.Cached<Func<Stream>>(() =>
        {
            _calls++;
            return new MemoryStream([1, 2, 3]);
        });

        using Stream first = function.Invoke();
        using Stream second = function.Invoke();

        Assert.Equal(3, first.Length);
        Assert.NotSame(first, second);
        Assert.Equal(2, _calls);
        Assert.All(_logger.Entries, entry => Assert.IsType<CacheSerializationException>(entry.Exception));
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId.Id == 1 && e.Message.Contains("set", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_result_with_a_cycle_is_returned_uncached()
    {
        Cache cache = CachedTestCaches.Create(_clock, logger: _logger);
        CachedFunction<Func<Node>> function = cache.Cached<Func<Node>>(() =>
        {
            var node = new Node { Id = ++_calls };
            node.Next = node;
            return node;
        });

        Assert.Equal(1, function.Invoke().Id);
        Assert.Equal(2, function.Invoke().Id);
        Assert.Equal(1, _logger.Entries[0].EventId.Id);
    }

    [Fact]
    public async Task A_stored_value_that_cannot_be_read_as_the_result_type_is_a_miss_and_is_replaced()
    {
        Cache cache = CachedTestCaches.Create(_clock, logger: _logger);
        await cache.SetAsync("n", "not a number");
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => ++_calls, new CachedOptions { KeyPrefix = "n" });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(1, function.Invoke());

        ListLogger.Entry entry = Assert.Single(_logger.Entries);
        Assert.Equal(2, entry.EventId.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1, await cache.GetAsync<int>("n"));
    }

    public sealed class Node
    {
        public int Id { get; set; }

        public Node? Next { get; set; }
    }
}
