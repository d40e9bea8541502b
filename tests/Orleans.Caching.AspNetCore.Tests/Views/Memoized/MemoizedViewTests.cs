using System.Net;
using System.Reflection;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>test_view.py #11 and <c>@cache.memoize</c> on controller actions and a Razor Pages handler.</summary>
public sealed class MemoizedViewTests
{
    private static MethodInfo Action(string name) => typeof(MemoizedViewsController).GetMethod(name)!;

    [Fact]
    public async Task Make_cache_key_with_the_request_arguments_names_the_stored_response_and_swapped_arguments_do_not()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string body = await app.GetStringAsync("/memo/a/b");
        MemoizedView view = app.Views.ForMethod(Action(nameof(MemoizedViewsController.Show)))!;

        string key = await view.MakeCacheKeyAsync("a", "b");
        CachedViewResponse? stored = await app.Cache.GetAsync<CachedViewResponse>(key);
        Assert.NotNull(stored);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(stored.Body));
        Assert.Equal(key, await view.MakeCacheKeyAsync([], new Dictionary<string, object?> { ["foo"] = "a", ["bar"] = "b" }));
        Assert.Null(await app.Cache.GetAsync<CachedViewResponse>(await view.MakeCacheKeyAsync("b", "a")));
    }

    [Fact]
    public async Task The_key_is_the_memoize_key_of_the_method_as_a_function_without_self()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        MemoizedView view = app.Views.ForMethod(Action(nameof(MemoizedViewsController.Show)))!;
        MemoizedFunction<Func<string, string, string>> function = app.Cache.Memoize<Func<string, string, string>>(
            Show, new MemoizeOptions { Name = typeof(MemoizedViewsController).FullName + ".Show" });
        string key = await view.MakeCacheKeyAsync("a", "b");
        Assert.Equal(await function.MakeCacheKeyAsync("a", "b"), key);
        Assert.Equal(22, key.Length);

        static string Show(string foo, string bar) => foo + bar;
    }

    [Fact]
    public async Task Different_arguments_are_different_entries_and_each_hits_until_it_expires_on_the_clock()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string ab = await app.GetStringAsync("/memo/a/b");
        string ba = await app.GetStringAsync("/memo/b/a");
        Assert.NotEqual(ab, ba);
        app.Clock.Advance(1);
        Assert.Equal(ab, await app.GetStringAsync("/memo/a/b"));
        Assert.Equal(ba, await app.GetStringAsync("/memo/b/a"));
        Assert.Equal(2, app.Counter.Runs);
        app.Clock.Advance(1);
        Assert.NotEqual(ab, await app.GetStringAsync("/memo/a/b"));
        Assert.Equal(3, app.Counter.Runs);
    }

    [Fact]
    public async Task Delete_memoized_with_arguments_deletes_that_response_only()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        MemoizedView view = app.Views.ForMethod(Action(nameof(MemoizedViewsController.Show)))!;
        string ab = await app.GetStringAsync("/memo/a/b");
        string ba = await app.GetStringAsync("/memo/b/a");
        await view.DeleteMemoizedAsync("a", "b");
        Assert.NotEqual(ab, await app.GetStringAsync("/memo/a/b"));
        Assert.Equal(ba, await app.GetStringAsync("/memo/b/a"));
        await app.Cache.DeleteMemoizedAsync(Action(nameof(MemoizedViewsController.Show)), "b", "a");
        Assert.NotEqual(ba, await app.GetStringAsync("/memo/b/a"));
    }

    [Fact]
    public async Task Delete_memoized_without_arguments_deletes_every_response_of_the_view_only()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string ab = await app.GetStringAsync("/memo/a/b");
        string ba = await app.GetStringAsync("/memo/b/a");
        string other = await app.GetStringAsync("/memo-json/1");
        await app.Views.ForMethod(Action(nameof(MemoizedViewsController.Show)))!.DeleteMemoizedAsync();
        Assert.NotEqual(ab, await app.GetStringAsync("/memo/a/b"));
        Assert.NotEqual(ba, await app.GetStringAsync("/memo/b/a"));
        Assert.Equal(other, await app.GetStringAsync("/memo-json/1"));
        await app.Cache.DeleteMemoizedAsync(Action(nameof(MemoizedViewsController.Json)));
        Assert.NotEqual(other, await app.GetStringAsync("/memo-json/1"));
    }

    [Fact]
    public async Task A_memoized_response_keeps_its_status_content_type_and_body()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        HttpResponseMessage miss = await app.GetAsync("/memo-json/7");
        HttpResponseMessage hit = await app.GetAsync("/memo-json/7");
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("application/json", hit.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await miss.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Counter.Runs);
    }

    [Fact]
    public async Task An_async_action_with_a_cancellation_token_is_keyed_by_its_other_arguments()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string first = await app.GetStringAsync("/memo-async/4");
        Assert.Equal(first, await app.GetStringAsync("/memo-async/4"));
        Assert.NotEqual(first, await app.GetStringAsync("/memo-async/5"));
        MemoizedView view = app.Views.ForMethod(Action(nameof(MemoizedViewsController.ShowAsync)))!;
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>(await view.MakeCacheKeyAsync(4)));
    }

    [Fact]
    public async Task A_razor_page_handler_is_memoized_by_its_arguments_and_expires_on_the_clock()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync();
        string one = await app.GetStringAsync("/memo-page/1");
        string two = await app.GetStringAsync("/memo-page/2");
        Assert.Contains("1:1", one, StringComparison.Ordinal);
        Assert.Contains("2:2", two, StringComparison.Ordinal);
        app.Clock.Advance(1);
        Assert.Equal(one, await app.GetStringAsync("/memo-page/1"));
        MethodInfo handler = typeof(Pages.MemoizedPageModel).GetMethod(nameof(Pages.MemoizedPageModel.OnGet))!;
        MemoizedView view = app.Views.ForMethod(handler)!;
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>(await view.MakeCacheKeyAsync(2)));
        await view.DeleteMemoizedAsync(2);
        Assert.NotEqual(two, await app.GetStringAsync("/memo-page/2"));
        app.Clock.Advance(1);
        Assert.NotEqual(one, await app.GetStringAsync("/memo-page/1"));
    }
}
