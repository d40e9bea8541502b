using System.Text;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

[Collection(SpreadServerCollection.Name)]
public sealed class SpreadSASLMemcachedCacheTests(SpreadServerFixture fixture) : IAsyncLifetime
{
    private static CancellationToken None => CancellationToken.None;
    private readonly List<ICacheBackend> _caches = [];

    [Fact]
    public async Task A_three_mebibyte_value_round_trips_over_four_chunks()
    {
        SpreadSASLMemcachedCache cache = Spread();
        SASLMemcachedCache raw = Raw();
        byte[] value = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(value);

        Assert.True(await cache.SetAsync("big", value, null, None));

        Assert.Equal(value, await cache.GetAsync("big", None));
        Assert.True(await cache.HasAsync("big", None));
        Assert.NotNull(await raw.GetAsync("spread:big.3", None));
        Assert.Null(await raw.GetAsync("spread:big.4", None));
    }

    [Fact]
    public async Task Shrinking_a_value_leaves_no_stale_chunk()
    {
        SpreadSASLMemcachedCache cache = Spread();
        SASLMemcachedCache raw = Raw();
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(8).NextBytes(big);
        await cache.SetAsync("shrinking", big, null, None);
        Assert.NotNull(await raw.GetAsync("spread:shrinking.1", None));

        byte[] small = Encoding.UTF8.GetBytes(new string('s', 100));
        Assert.True(await cache.SetAsync("shrinking", small, null, None));

        Assert.Equal(small, await cache.GetAsync("shrinking", None));
        Assert.Null(await raw.GetAsync("spread:shrinking.1", None));
        Assert.Null(await raw.GetAsync("spread:shrinking.2", None));
        Assert.Null(await raw.GetAsync("spread:shrinking.3", None));
    }

    [Fact]
    public async Task A_value_needing_more_than_the_maximum_chunks_is_a_clear_error_and_writes_nothing()
    {
        SpreadSASLMemcachedCache cache = Spread(o => o.ChunkSize = 1024);
        byte[] tooBig = new byte[33 * 1024];

        CacheValueTooLargeException error = await Assert.ThrowsAsync<CacheValueTooLargeException>(async () => await cache.SetAsync("many", tooBig, null, None));

        Assert.Contains("32 chunks", error.Message, StringComparison.Ordinal);
        Assert.Null(await cache.GetAsync("many", None));
        Assert.Null(await Raw().GetAsync("spread:many.0", None));
        byte[] fits = new byte[30 * 1024];
        Assert.True(await cache.SetAsync("many", fits, null, None));
        Assert.Equal(fits, await cache.GetAsync("many", None));
        Assert.NotNull(await Raw().GetAsync("spread:many.30", None));
    }

    [Fact]
    public async Task A_missing_chunk_reads_as_a_miss_and_delete_removes_every_chunk()
    {
        SpreadSASLMemcachedCache cache = Spread(o => o.ChunkSize = 1024);
        SASLMemcachedCache raw = Raw();
        await cache.SetAsync("torn", new byte[5000], null, None);
        await cache.SetAsync("whole", new byte[5000], null, None);

        Assert.True(await raw.DeleteAsync("spread:torn.2", None));
        Assert.True(await cache.DeleteAsync("whole", None));

        Assert.Null(await cache.GetAsync("torn", None));
        Assert.False(await cache.HasAsync("torn", None));
        for (int i = 0; i < 5; i++)
        {
            Assert.Null(await raw.GetAsync($"spread:whole.{i}", None));
        }
    }

    public Task InitializeAsync() => Raw().ClearAsync(None).AsTask();

    public async Task DisposeAsync()
    {
        foreach (ICacheBackend cache in _caches)
        {
            await ((IAsyncDisposable)cache).DisposeAsync();
        }
    }

    private SpreadSASLMemcachedCache Spread(Action<SpreadSASLMemcachedCacheOptions>? configure = null)
    {
        var options = new SpreadSASLMemcachedCacheOptions
        {
            Servers = fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password, KeyPrefix = "spread:",
        };
        configure?.Invoke(options);
        var cache = new SpreadSASLMemcachedCache(options);
        _caches.Add(cache);
        return cache;
    }

    /// <summary>A plain SASL client without prefix reads the chunk items themselves.</summary>
    private SASLMemcachedCache Raw()
    {
        var cache = new SASLMemcachedCache(new SASLMemcachedCacheOptions { Servers = fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password });
        _caches.Add(cache);
        return cache;
    }
}
