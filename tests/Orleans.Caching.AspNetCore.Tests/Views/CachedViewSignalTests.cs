using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>test_view.py #19 (hit indication) and test_signals.py #1–#3 for views.</summary>
public sealed class CachedViewSignalTests
{
    [Theory]
    [InlineData("/mvc/hit")]
    [InlineData("/min/hit")]
    public async Task The_hit_cache_header_is_only_on_hits(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        HttpResponseMessage miss = await app.GetAsync(url);
        Assert.False(miss.Headers.Contains("hit_cache"));
        HttpResponseMessage hit = await app.GetAsync(url);
        Assert.Equal(["True"], hit.Headers.GetValues("hit_cache"));
        app.Clock.Advance(1);
        Assert.Equal(["True"], (await app.GetAsync(url)).Headers.GetValues("hit_cache"));
        app.Clock.Advance(1);
        Assert.False((await app.GetAsync(url)).Headers.Contains("hit_cache"));
    }

    [Fact]
    public async Task Without_hit_indication_there_is_never_a_header()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync("/mvc/no-hit");
        HttpResponseMessage hit = await app.GetAsync("/mvc/no-hit");
        Assert.Equal(first, await hit.Content.ReadAsStringAsync());
        Assert.False(hit.Headers.Contains("hit_cache"));
    }

    [Fact]
    public async Task Signals_are_off_by_default()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        int signals = 0;
        app.Cache.Hit += (_, _) => signals++;
        app.Cache.Miss += (_, _) => signals++;
        Assert.Equal(await app.GetStringAsync("/foo"), await app.GetStringAsync("/foo"));
        Assert.Equal(0, signals);
    }

    [Theory]
    [InlineData("/foo")]
    [InlineData("/mvc/no-hit")]
    public async Task A_cached_view_sends_a_miss_then_a_hit_with_the_same_key(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync(signals: true);
        var misses = new List<CacheSignalEventArgs>();
        var hits = new List<CacheSignalEventArgs>();
        app.Cache.Miss += (sender, e) =>
        {
            Assert.Same(app.Cache, sender);
            misses.Add(e);
        };
        app.Cache.Hit += (_, e) => hits.Add(e);
        await app.GetStringAsync(url);
        Assert.Single(misses);
        Assert.Empty(hits);
        await app.GetStringAsync(url);
        Assert.Single(misses);
        CacheSignalEventArgs hit = Assert.Single(hits);
        Assert.Equal(CacheSignalKind.Cached, hit.Kind);
        Assert.Equal("view/" + url, hit.CacheKey);
        Assert.Equal(misses[0].CacheKey, hit.CacheKey);
    }

    [Fact]
    public async Task View_signals_are_per_cache_key()
    {
        await using ViewApp app = await ViewApp.StartAsync(signals: true);
        var misses = new List<string>();
        var hits = new List<string>();
        app.Cache.Miss += (_, e) => misses.Add(e.CacheKey);
        app.Cache.Hit += (_, e) => hits.Add(e.CacheKey);
        await app.GetStringAsync("/foo");
        await app.GetStringAsync("/bar");
        await app.GetStringAsync("/foo");
        Assert.Equal(["view//foo", "view//bar"], misses);
        Assert.Equal(["view//foo"], hits);
    }
}
