using System.Net;
using System.Reflection;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>Memoize options (policies, <c>args_to_ignore</c>) and bad input on memoized views.</summary>
public sealed class MemoizedViewOptionsTests
{
    [Fact]
    public async Task A_view_that_throws_propagates_the_exception_and_nothing_is_cached()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetAsync("/memo-throws/1?fail=true"));
        Assert.Equal("The memoized view failed.", error.Message);
        MemoizedView view = app.Views.ForMethod(typeof(MemoizedViewsController).GetMethod(nameof(MemoizedViewsController.Throws))!)!;
        Assert.Null(await app.Cache.GetAsync<CachedViewResponse>(await view.MakeCacheKeyAsync(1, true)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetAsync("/memo-throws/1?fail=true"));
        Assert.Equal(2, app.Counter.Runs);
        string ok = await app.GetStringAsync("/memo-throws/1");
        Assert.Equal(ok, await app.GetStringAsync("/memo-throws/1"));
        Assert.Equal(3, app.Counter.Runs);
    }

    [Fact]
    public async Task Only_successful_responses_are_cached_unless_a_policy_response_filter_says_otherwise()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        HttpResponseMessage notFound = await app.GetAsync("/memo-status/404");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        HttpResponseMessage notFoundAgain = await app.GetAsync("/memo-status/404");
        Assert.NotEqual(await notFound.Content.ReadAsStringAsync(), await notFoundAgain.Content.ReadAsStringAsync());
        Assert.Equal(2, app.Counter.Runs);
        string ok = await app.GetStringAsync("/memo-status/200");
        Assert.Equal(ok, await app.GetStringAsync("/memo-status/200"));
        HttpResponseMessage error = await app.GetAsync("/memo-all-statuses/500");
        HttpResponseMessage again = await app.GetAsync("/memo-all-statuses/500");
        Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.Equal(await error.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unless_forced_update_and_is_stale_from_a_policy_steer_the_view()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        app.Toggles.Unless = true;
        Assert.NotEqual(await app.GetStringAsync("/memo-unless"), await app.GetStringAsync("/memo-unless"));
        app.Toggles.Unless = false;
        string cached = await app.GetStringAsync("/memo-unless");
        Assert.Equal(cached, await app.GetStringAsync("/memo-unless"));

        string first = await app.GetStringAsync("/memo-forced");
        app.Toggles.Forced = true;
        string forced = await app.GetStringAsync("/memo-forced");
        Assert.NotEqual(first, forced);
        app.Toggles.Forced = false;
        Assert.Equal(forced, await app.GetStringAsync("/memo-forced"));

        string fresh = await app.GetStringAsync("/memo-stale");
        Assert.Equal(fresh, await app.GetStringAsync("/memo-stale"));
        Assert.Equal(fresh, System.Text.Encoding.UTF8.GetString(Assert.IsType<CachedViewResponse>(app.Toggles.StaleSeen).Body));
        app.Toggles.Stale = true;
        string recomputed = await app.GetStringAsync("/memo-stale");
        Assert.NotEqual(fresh, recomputed);
        app.Toggles.Stale = false;
        Assert.Equal(recomputed, await app.GetStringAsync("/memo-stale"));
    }

    [Fact]
    public async Task Args_to_ignore_leaves_a_bound_argument_out_of_the_key()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string first = await app.GetStringAsync("/memo-ignored/3?noise=a");
        Assert.Equal(first, await app.GetStringAsync("/memo-ignored/3?noise=b"));
        Assert.NotEqual(first, await app.GetStringAsync("/memo-ignored/4?noise=a"));
    }

    [Fact]
    public async Task A_response_over_the_size_limit_is_served_whole_but_uncached_with_a_log_line()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string first = await app.GetStringAsync("/memo-large");
        string second = await app.GetStringAsync("/memo-large");
        Assert.Equal(100, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(2, app.Logs.WithEventId(7000).Count);
        Assert.Contains("larger than 64 bytes", app.Logs.WithEventId(7000)[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_outage_serves_the_view_uncached()
    {
        var backend = new OutageBackend();
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync(backend);
        HttpResponseMessage first = await app.GetAsync("/memo/a/b");
        HttpResponseMessage second = await app.GetAsync("/memo/a/b");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(backend.Failures >= 2);
    }

    [Fact]
    public async Task Memoize_and_cached_on_one_action_fail_the_request_with_a_message_naming_it()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        MethodInfo both = typeof(MemoizedViewsController).GetMethod(nameof(MemoizedViewsController.Both))!;
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => app.Views.ForMethod(both));
        Assert.Contains("MemoizedViewsController.Both has both [Memoize] and [Cached]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memoized_views_over_Local_hit_expire_on_the_clock_and_are_deleted_outside_a_request()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync(settings: new Dictionary<string, string?> { ["Caching:Type"] = "Local" });
        Assert.IsType<GrainCache>(app.Cache.Backend);
        string ab = await app.GetStringAsync("/memo/a/b");
        string ba = await app.GetStringAsync("/memo/b/a");
        Assert.Equal(ab, await app.GetStringAsync("/memo/a/b"));
        MemoizedView view = app.Views.ForMethod(typeof(MemoizedViewsController).GetMethod(nameof(MemoizedViewsController.Show))!)!;
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>(await view.MakeCacheKeyAsync("a", "b")));
        await view.DeleteMemoizedAsync("a", "b");
        string ab2 = await app.GetStringAsync("/memo/a/b");
        Assert.NotEqual(ab, ab2);
        Assert.Equal(ba, await app.GetStringAsync("/memo/b/a"));
        app.Clock.Advance(2);
        Assert.NotEqual(ab2, await app.GetStringAsync("/memo/a/b"));
    }
}
