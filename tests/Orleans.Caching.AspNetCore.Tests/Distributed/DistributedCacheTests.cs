using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;
using Orleans.Caching.Tests.Buffers;

namespace Orleans.Caching.AspNetCore.Tests.Distributed;

/// <summary>The distributed cache over one kind of <see cref="Cache"/>; two apps on one target stand for two processes on one cluster.</summary>
public abstract class DistributedCacheTests : IAsyncLifetime
{
    private CacheTarget _target = null!;
    private AdapterApp _app = null!;

    public async Task InitializeAsync()
    {
        _target = CreateTarget();
        _app = await DistributedCacheApp.StartAsync(_target);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _target.DisposeAsync();
    }

    protected abstract CacheTarget CreateTarget();

    [Fact]
    public async Task Set_get_refresh_and_remove_round_trip_with_the_async_and_sync_methods()
    {
        IDistributedCache cache = _app.Cache();
        await cache.SetAsync("k", [1, 2, 3], new DistributedCacheEntryOptions());
        Assert.Equal([1, 2, 3], await cache.GetAsync("k"));
        await cache.RefreshAsync("k");
        await cache.RemoveAsync("k");
        Assert.Null(await cache.GetAsync("k"));

        cache.Set("s", [4], new DistributedCacheEntryOptions());
        Assert.Equal([4], cache.Get("s"));
        cache.Refresh("s");
        cache.Remove("s");
        Assert.Null(cache.Get("s"));
        Assert.Null(await cache.GetAsync("never-set"));
    }

    [Fact]
    public async Task Values_live_under_the_key_prefix_in_the_orleans_cache()
    {
        await _app.Cache().SetStringAsync("visible", "v");

        Assert.True(await _target.Cache.HasAsync(_target.Prefix + "distcache/visible"));
    }

    [Fact]
    public async Task An_absolute_expiration_relative_to_now_expires_on_the_clock()
    {
        IDistributedCache cache = _app.Cache();
        await cache.SetStringAsync("rel", "v", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10) });

        _target.Clock.Advance(9);
        Assert.Equal("v", await cache.GetStringAsync("rel"));
        _target.Clock.Advance(2);
        Assert.Null(await cache.GetStringAsync("rel"));
    }

    [Fact]
    public async Task An_absolute_expiration_date_expires_on_the_clock_and_refresh_does_not_extend_it()
    {
        IDistributedCache cache = _app.Cache();
        await cache.SetStringAsync("abs", "v", new DistributedCacheEntryOptions { AbsoluteExpiration = _target.Clock.GetUtcNow().AddSeconds(30) });

        _target.Clock.Advance(29);
        await cache.RefreshAsync("abs");
        Assert.Equal("v", await cache.GetStringAsync("abs"));
        _target.Clock.Advance(2);
        Assert.Null(await cache.GetStringAsync("abs"));
    }

    [Fact]
    public async Task A_sliding_expiration_is_extended_by_reads_and_refreshes_from_any_app()
    {
        IDistributedCache cache = _app.Cache();
        await using AdapterApp other = await DistributedCacheApp.StartAsync(_target);
        await cache.SetStringAsync("slide", "v", new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(10) });

        _target.Clock.Advance(8);
        Assert.Equal("v", await cache.GetStringAsync("slide"));
        _target.Clock.Advance(8);
        await other.Cache().RefreshAsync("slide");
        _target.Clock.Advance(8);
        Assert.Equal("v", await other.Cache().GetStringAsync("slide"));

        _target.Clock.Advance(11);
        Assert.Null(await cache.GetStringAsync("slide"));
    }

    [Fact]
    public async Task A_sliding_expiration_never_outlives_the_absolute_one()
    {
        IDistributedCache cache = _app.Cache();
        await cache.SetStringAsync("capped", "v", new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromSeconds(10),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(15),
        });

        _target.Clock.Advance(8);
        Assert.Equal("v", await cache.GetStringAsync("capped"));
        _target.Clock.Advance(8);
        Assert.Null(await cache.GetStringAsync("capped"));
    }

    [Fact]
    public async Task The_buffer_methods_store_multi_segment_values_and_write_into_a_buffer_writer()
    {
        var cache = Assert.IsAssignableFrom<IBufferDistributedCache>(_app.Cache());
        byte[] data = [.. Enumerable.Range(0, 1000).Select(i => (byte)i)];
        await cache.SetAsync("buf", Segments.Split(data, 100), new DistributedCacheEntryOptions());

        var writer = new ArrayBufferWriter<byte>();
        Assert.True(await cache.TryGetAsync("buf", writer));
        Assert.Equal(data, writer.WrittenSpan.ToArray());
        Assert.False(cache.TryGet("missing", new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public async Task Null_keys_values_and_past_expirations_are_rejected()
    {
        IDistributedCache cache = _app.Cache();

        await Assert.ThrowsAsync<ArgumentNullException>(() => cache.GetAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => cache.SetAsync(null!, [1], new DistributedCacheEntryOptions()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => cache.SetAsync("k", null!, new DistributedCacheEntryOptions()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => cache.RefreshAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => cache.RemoveAsync(null!));
        ArgumentOutOfRangeException past = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync(
            "k", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = _target.Clock.GetUtcNow().AddSeconds(-1) }));
        Assert.Contains("must be in the future", past.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_lives_in_the_cache_and_slides_with_each_request_until_it_is_idle_too_long()
    {
        HttpResponseMessage stored = await _app.Client.GetAsync(new Uri("/session/set?value=hello", UriKind.Relative));
        Assert.True(stored.IsSuccessStatusCode);
        string cookie = Assert.Single(stored.Headers.GetValues("Set-Cookie")).Split(';')[0];

        Assert.Equal("hello", await GetWithCookieAsync(cookie));
        _target.Clock.Advance(DistributedCacheApp.IdleTimeout - TimeSpan.FromMinutes(1));
        Assert.Equal("hello", await GetWithCookieAsync(cookie));
        _target.Clock.Advance(DistributedCacheApp.IdleTimeout - TimeSpan.FromMinutes(1));
        Assert.Equal("hello", await GetWithCookieAsync(cookie));

        _target.Clock.Advance(DistributedCacheApp.IdleTimeout + TimeSpan.FromMinutes(1));
        Assert.Equal("(none)", await GetWithCookieAsync(cookie));
    }

    private async Task<string> GetWithCookieAsync(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/session/get", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        HttpResponseMessage response = await _app.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class LocalDistributedCacheTests : DistributedCacheTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Local();
}

[Collection(AdapterClusterCollection.Name)]
public sealed class ClusterDistributedCacheTests(AdapterClusterFixture fixture) : DistributedCacheTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Cluster(fixture);
}
