using System.Text;
using Orleans.Caching.Memcached.Protocol;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

[Collection(OnePlainServerCollection.Name)]
public sealed class MemcachedCacheTests(OnePlainServerFixture fixture) : IAsyncLifetime
{
    private static CancellationToken None => CancellationToken.None;
    private readonly List<MemcachedCache> _caches = [];

    private string Server => fixture.Servers[0].Address;

    [Fact]
    public async Task Compat_set_then_get_reads_the_value()
    {
        MemcachedCache cache = Create();
        Assert.True(await cache.SetAsync("foo", Bytes("bar"), null, None));
        Assert.Equal("bar", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task A_timeout_of_thirty_days_and_100_seconds_stores_a_readable_value_with_that_expiry()
    {
        MemcachedCache cache = Create();
        long timeout = (60 * 60 * 24 * 30) + 100;

        Assert.True(await cache.SetAsync("bar", Bytes("foo"), timeout, None));

        Assert.Equal("foo", Text(await cache.GetAsync("bar", None)));
        CacheEntry? entry = await cache.GetEntryAsync("bar", None);
        Assert.NotNull(entry?.ExpiresAt);
        Assert.InRange(entry.ExpiresAt.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(timeout - 5), TimeSpan.FromSeconds(timeout + 5));
    }

    [Fact]
    public async Task A_one_second_timeout_makes_has_false_two_seconds_later()
    {
        MemcachedCache cache = Create();
        Assert.True(await cache.SetAsync("foo", Bytes("bar"), 1, None));
        Assert.True(await cache.HasAsync("foo", None));

        await Task.Delay(TimeSpan.FromSeconds(2.2)); // the reference test sleeps for real; memcached's clock has whole seconds

        Assert.False(await cache.HasAsync("foo", None));
    }

    [Fact]
    public async Task The_registry_default_prefix_is_flask_cache_and_a_raw_client_sees_it()
    {
        await using var cache = (MemcachedCache)new CacheBackendRegistry().Create(Configuration.MemcachedConfigurationTests.Context(new()
        {
            ["CACHE_TYPE"] = "MemcachedCache",
            ["CACHE_MEMCACHED_SERVERS"] = Server,
        }));

        await cache.SetAsync("prefixed", Bytes("value"), null, None);

        Assert.Equal("flask_cache_", cache.KeyPrefix);
        Assert.Equal("value", await RawText.GetAsync(Server, "flask_cache_prefixed"));
    }

    [Fact]
    public async Task A_raw_value_written_by_another_client_reads_as_its_bytes()
    {
        MemcachedCache cache = Create();
        await RawText.SetAsync(Server, "legacy", "42");

        Assert.Equal("42", Text(await cache.GetAsync("legacy", None)));
        Assert.Equal(43, await cache.IncrementAsync("legacy", 1, None));
    }

    [Theory]
    [InlineData("key with spaces")]
    [InlineData("tab\tand\nnewline")]
    [InlineData("bell\u0007and\u007Fdel")]
    public async Task Keys_memcached_rejects_work_through_their_sha256_replacement(string key)
    {
        MemcachedCache cache = Create();

        Assert.True(await cache.SetAsync(key, Bytes("v"), null, None));

        Assert.Equal("v", Text(await cache.GetAsync(key, None)));
        Assert.True(await cache.HasAsync(key, None));
        string stored = Encoding.ASCII.GetString(MemcachedKey.Encode(key));
        Assert.StartsWith("sha256:", stored, StringComparison.Ordinal);
        Assert.Equal("v", await RawText.GetAsync(Server, stored));
        Assert.True(await cache.DeleteAsync(key, None));
        Assert.False(await cache.HasAsync(key, None));
    }

    [Fact]
    public async Task A_300_character_key_works_and_differs_from_its_250_character_prefix()
    {
        MemcachedCache cache = Create();
        string longKey = new('k', 300);
        string shorter = new('k', 250);

        await cache.SetAsync(longKey, Bytes("long"), null, None);
        await cache.SetAsync(shorter, Bytes("short"), null, None);

        Assert.Equal("long", Text(await cache.GetAsync(longKey, None)));
        Assert.Equal("short", Text(await cache.GetAsync(shorter, None)));
        Assert.Equal("short", await RawText.GetAsync(Server, shorter));
    }

    [Fact]
    public async Task A_value_over_the_item_size_throws_CacheValueTooLargeException_and_keeps_the_old_value()
    {
        MemcachedCache cache = Create(o => o.MaxItemBytes = MemcachedCacheOptions.DefaultMaxItemBytes);
        await cache.SetAsync("big", Bytes("old"), null, None);

        CacheValueTooLargeException error = await Assert.ThrowsAsync<CacheValueTooLargeException>(
            async () => await cache.SetAsync("big", new byte[1024 * 1024], null, None));

        Assert.Contains("MaxItemBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, error.Size);
        Assert.Equal("old", Text(await cache.GetAsync("big", None)));
    }

    [Fact]
    public async Task A_value_the_server_refuses_as_too_large_throws_CacheValueTooLargeException()
    {
        MemcachedCache cache = Create(o => o.MaxItemBytes = 8 * 1024 * 1024);

        await Assert.ThrowsAsync<CacheValueTooLargeException>(async () => await cache.SetAsync("huge", new byte[3 * 1024 * 1024], null, None));

        Assert.True(await cache.SetAsync("after", Bytes("ok"), null, None));
        Assert.Equal("ok", Text(await cache.GetAsync("after", None)));
    }

    [Fact]
    public async Task Counters_go_below_zero_and_keep_their_expiry()
    {
        MemcachedCache cache = Create();
        await cache.SetAsync("n", Bytes("2"), 1000, None);
        DateTimeOffset? before = (await cache.GetEntryAsync("n", None))?.ExpiresAt;

        Assert.Equal(-3, await cache.IncrementAsync("n", -5, None));
        Assert.Equal(7, await cache.IncrementAsync("n", 10, None));

        CacheEntry? entry = await cache.GetEntryAsync("n", None);
        Assert.Equal("7", Text(entry?.Value));
        Assert.Equal(before, entry?.ExpiresAt);
    }

    public Task InitializeAsync() => Create().ClearAsync(None).AsTask();

    public async Task DisposeAsync()
    {
        foreach (MemcachedCache cache in _caches)
        {
            await cache.DisposeAsync();
        }
    }

    private MemcachedCache Create(Action<MemcachedCacheOptions>? configure = null)
    {
        var options = new MemcachedCacheOptions { Servers = [Server], MaxItemBytes = 2 * 1024 * 1024 };
        configure?.Invoke(options);
        var cache = new MemcachedCache(options);
        _caches.Add(cache);
        return cache;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
