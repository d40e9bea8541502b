using System.Net;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>test_view.py #1–#7 and #12–#13 on controller actions, a Razor Page and minimal-API endpoints.</summary>
public sealed class CachedViewTests
{
    [Theory]
    [InlineData("/mvc/cached")]
    [InlineData("/mvc/async")]
    [InlineData("/min/cached")]
    [InlineData("/min/async")]
    [InlineData("/page/cached")]
    public async Task A_cached_view_serves_the_same_body_until_its_timeout_and_a_new_one_at_exactly_the_timeout(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync(url);
        app.Clock.Advance(1);
        Assert.Equal(first, await app.GetStringAsync(url));
        app.Clock.Advance(1);
        Assert.NotEqual(first, await app.GetStringAsync(url));
    }

    [Fact]
    public async Task A_cached_response_keeps_its_status_content_type_and_body()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        HttpResponseMessage miss = await app.GetAsync("/mvc/json");
        HttpResponseMessage hit = await app.GetAsync("/mvc/json");
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(miss.Content.Headers.ContentType, hit.Content.Headers.ContentType);
        Assert.Equal("application/json", hit.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await miss.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Counter.Runs);
    }

    [Fact]
    public async Task Unless_true_never_caches_and_unless_false_caches()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        Assert.NotEqual(await app.GetStringAsync("/mvc/unless-true"), await app.GetStringAsync("/mvc/unless-true"));
        Assert.NotEqual(await app.GetStringAsync("/min/unless"), await app.GetStringAsync("/min/unless"));
        Assert.Equal(await app.GetStringAsync("/mvc/unless-false"), await app.GetStringAsync("/mvc/unless-false"));
    }

    [Theory]
    [InlineData("/mvc/status/500")]
    [InlineData("/mvc/status/404")]
    [InlineData("/min/status/500")]
    public async Task By_default_only_successful_responses_are_cached(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        HttpResponseMessage first = await app.GetAsync(url);
        HttpResponseMessage second = await app.GetAsync(url);
        Assert.False(first.IsSuccessStatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        string ok = url[..url.LastIndexOf('/')] + "/200";
        Assert.Equal(await app.GetStringAsync(ok), await app.GetStringAsync(ok));
    }

    [Fact]
    public async Task A_response_filter_receives_the_response_and_decides_what_is_cached()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        HttpResponseMessage first = await app.GetAsync("/mvc/all-statuses/500");
        HttpResponseMessage second = await app.GetAsync("/mvc/all-statuses/500");
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forced_update_recomputes_and_the_new_body_is_served_afterwards()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync("/mvc/forced");
        Assert.Equal(first, await app.GetStringAsync("/mvc/forced"));
        app.Toggles.Forced = true;
        string forced = await app.GetStringAsync("/mvc/forced");
        Assert.NotEqual(first, forced);
        app.Toggles.Forced = false;
        Assert.Equal(forced, await app.GetStringAsync("/mvc/forced"));
    }

    [Fact]
    public async Task Is_stale_gets_the_cached_response_and_true_recomputes()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync("/mvc/stale");
        Assert.Null(app.Toggles.StaleSeen);
        Assert.Equal(first, await app.GetStringAsync("/mvc/stale"));
        CachedViewResponse seen = Assert.IsType<CachedViewResponse>(app.Toggles.StaleSeen);
        Assert.Equal(first, System.Text.Encoding.UTF8.GetString(seen.Body));
        app.Toggles.Stale = true;
        string stale = await app.GetStringAsync("/mvc/stale");
        Assert.NotEqual(first, stale);
        app.Toggles.Stale = false;
        Assert.Equal(stale, await app.GetStringAsync("/mvc/stale"));
    }

    [Fact]
    public async Task The_cache_timeout_of_a_view_is_readable_and_writable_and_read_on_each_request()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        CachedView one = app.Views.ForMethod(typeof(CachedViewsController).GetMethod(nameof(CachedViewsController.TimeoutOne))!)!;
        CachedView two = app.Views.ForMethod(typeof(CachedViewsController).GetMethod(nameof(CachedViewsController.TimeoutTwo))!)!;
        Assert.Equal(2, one.CacheTimeout?.Seconds);
        Assert.Equal(4, two.CacheTimeout?.Seconds);
        one.CacheTimeout = 5;
        two.CacheTimeout = 7;
        string a = await app.GetStringAsync("/mvc/timeout-one");
        string b = await app.GetStringAsync("/mvc/timeout-two");
        app.Clock.Advance(1);
        Assert.Equal(a, await app.GetStringAsync("/mvc/timeout-one"));
        app.Clock.Advance(5);
        Assert.NotEqual(a, await app.GetStringAsync("/mvc/timeout-one"));
        Assert.Equal(b, await app.GetStringAsync("/mvc/timeout-two"));
        app.Clock.Advance(3);
        Assert.NotEqual(b, await app.GetStringAsync("/mvc/timeout-two"));
    }

    [Theory]
    [InlineData("/mvc/response-timeout")]
    [InlineData("/min/response-timeout")]
    [InlineData("/min/set-timeout")]
    public async Task A_per_response_timeout_wins_over_the_views_timeout(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync(url);
        app.Clock.Advance(1);
        Assert.Equal(first, await app.GetStringAsync(url));
        app.Clock.Advance(1);
        Assert.NotEqual(first, await app.GetStringAsync(url));
    }

    [Fact]
    public async Task A_razor_page_caches_only_its_decorated_get_handler()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string get = await app.GetStringAsync("/page/cached");
        Assert.Equal(get, await app.GetStringAsync("/page/cached"));
        Assert.Contains("<p>1</p>", get, StringComparison.Ordinal);
        Assert.NotNull(app.Views.ForMethod(typeof(Pages.CachedPageModel).GetMethod(nameof(Pages.CachedPageModel.OnGet))!));
        Assert.Null(app.Views.ForMethod(typeof(Pages.CachedPageModel).GetMethod(nameof(Pages.CachedPageModel.OnPost))!));
    }

    [Fact]
    public async Task An_action_without_the_attribute_is_not_cached()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        Assert.NotEqual(await app.GetStringAsync("/mvc/plain"), await app.GetStringAsync("/mvc/plain"));
    }
}
