using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.WebApp.Tests.Support;

namespace Orleans.Caching.WebApp.Tests;

/// <summary>Every page of the sample end to end, asserting that caching is visible: the render number and timestamp stay the same on
/// a second request and change after the page's clear button. Run on Local and over a three-silo TestCluster.</summary>
public abstract class SamplePagesTests
{
    protected abstract HttpClient Client { get; }

    protected abstract IServiceProvider Services { get; }

    [Fact]
    public async Task The_home_page_links_every_feature_page_and_names_the_grain_cache()
    {
        string home = await Client.GetPageAsync("/");

        foreach (string link in (string[])["/CachedView", "/QueryView?", "/Memoized?city=", "/Fragment", "/OutputCache"])
        {
            Assert.Contains("href=\"" + link, home, StringComparison.Ordinal);
        }

        Assert.Contains("<code>GrainCache</code>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_view_keeps_its_render_until_the_clear_button()
    {
        string first = await Client.GetPageAsync("/CachedView");
        string second = await Client.GetPageAsync("/CachedView");
        Assert.Equal(PageReader.Render(first), PageReader.Render(second));
        Assert.Equal(PageReader.Value(first, "rendered-at"), PageReader.Value(second, "rendered-at"));

        string cleared = await Client.PressAsync("/clear/view");

        Assert.True(PageReader.Render(cleared) > PageReader.Render(first));
        Assert.Equal(PageReader.Render(cleared), PageReader.Render(await Client.GetPageAsync("/CachedView")));
    }

    [Fact]
    public async Task The_query_view_shares_an_entry_between_orders_of_the_same_pairs_and_clears_one_query()
    {
        string a = Guid.NewGuid().ToString("N")[..6];
        string first = await Client.GetPageAsync($"/QueryView?a={a}&b=2");
        string reordered = await Client.GetPageAsync($"/QueryView?b=2&a={a}");
        string other = await Client.GetPageAsync($"/QueryView?a={a}&b=3");
        Assert.Equal(PageReader.Render(first), PageReader.Render(reordered));
        Assert.Equal(PageReader.Value(first, "rendered-at"), PageReader.Value(reordered, "rendered-at"));
        Assert.NotEqual(PageReader.Render(first), PageReader.Render(other));

        string cleared = await Client.PressAsync($"/clear/query?b=2&a={a}");

        Assert.True(PageReader.Render(cleared) > PageReader.Render(other));
        Assert.Equal(PageReader.Render(cleared), PageReader.Render(await Client.GetPageAsync($"/QueryView?a={a}&b=2")));
        Assert.Equal(PageReader.Render(other), PageReader.Render(await Client.GetPageAsync($"/QueryView?a={a}&b=3")));
    }

    [Fact]
    public async Task The_memoized_method_computes_once_per_city_while_the_page_renders_every_time()
    {
        string city = "Memo" + Guid.NewGuid().ToString("N")[..6];
        string first = await Client.GetPageAsync("/Memoized?city=" + city);
        string second = await Client.GetPageAsync("/Memoized?city=" + city);
        string other = await Client.GetPageAsync("/Memoized?city=" + city + "x");

        Assert.NotEqual(PageReader.Render(first), PageReader.Render(second));
        Assert.Equal(PageReader.Render(first, "computation"), PageReader.Render(second, "computation"));
        Assert.Equal(PageReader.Value(first, "computed-at"), PageReader.Value(second, "computed-at"));
        Assert.NotEqual(PageReader.Render(first, "computation"), PageReader.Render(other, "computation"));
        Assert.Equal(city, PageReader.Value(first, "city"));
    }

    [Fact]
    public async Task Deleting_one_city_recomputes_it_only_and_deleting_all_recomputes_every_city()
    {
        string city = "Del" + Guid.NewGuid().ToString("N")[..6];
        long one = PageReader.Render(await Client.GetPageAsync("/Memoized?city=" + city), "computation");
        long two = PageReader.Render(await Client.GetPageAsync("/Memoized?city=" + city + "2"), "computation");

        string afterCity = await Client.PressAsync("/clear/memoized?city=" + city, ("scope", "city"));
        long recomputed = PageReader.Render(afterCity, "computation");
        Assert.True(recomputed > one);
        Assert.Equal(two, PageReader.Render(await Client.GetPageAsync("/Memoized?city=" + city + "2"), "computation"));

        await Client.PressAsync("/clear/memoized?city=" + city, ("scope", "all"));
        Assert.True(PageReader.Render(await Client.GetPageAsync("/Memoized?city=" + city + "2"), "computation") > two);
    }

    [Fact]
    public async Task The_fragment_stays_while_the_page_around_it_renders_until_it_is_deleted()
    {
        string first = await Client.GetPageAsync("/Fragment");
        string second = await Client.GetPageAsync("/Fragment");
        Assert.NotEqual(PageReader.Render(first), PageReader.Render(second));
        Assert.Equal(PageReader.Render(first, "fragment-render"), PageReader.Render(second, "fragment-render"));
        Assert.Equal(PageReader.Value(first, "fragment-rendered-at"), PageReader.Value(second, "fragment-rendered-at"));

        string deleted = await Client.PressAsync("/clear/fragment");

        Assert.True(PageReader.Render(deleted, "fragment-render") > PageReader.Render(second, "fragment-render"));
        Assert.Equal(PageReader.Render(deleted, "fragment-render"), PageReader.Render(await Client.GetPageAsync("/Fragment"), "fragment-render"));
    }

    [Fact]
    public async Task The_output_cached_page_and_endpoint_stay_until_their_tag_is_evicted()
    {
        string first = await Client.GetPageAsync("/OutputCache");
        string second = await Client.GetPageAsync("/OutputCache");
        string time = await Client.GetPageAsync("/output/time");
        Assert.Equal(PageReader.Render(first), PageReader.Render(second));
        Assert.Equal(time, await Client.GetPageAsync("/output/time"));

        string evicted = await Client.PressAsync("/clear/output");

        Assert.True(PageReader.Render(evicted) > PageReader.Render(first));
        Assert.NotEqual(time, await Client.GetPageAsync("/output/time"));
    }

    [Fact]
    public void The_output_cache_store_is_the_Orleans_caching_one()
    {
        IOutputCacheStore store = Services.GetRequiredService<IOutputCacheStore>();

        Assert.Equal("Orleans.Caching.AspNetCore.OrleansOutputCacheStore", store.GetType().FullName);
    }
}
