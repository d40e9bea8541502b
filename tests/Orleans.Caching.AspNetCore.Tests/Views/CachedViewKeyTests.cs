using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>test_view.py #8–#10, #14–#15 and #20–#25: view keys, query-string keys, and deleting outside a request.</summary>
public sealed class CachedViewKeyTests
{
    private static CachedView View(ViewApp app, string action)
        => app.Views.ForMethod(typeof(CachedViewsController).GetMethod(action)!)!;

    [Fact]
    public async Task View_keys_are_byte_identical_to_cache_Cached_keys_for_the_same_path_and_query()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        CachedFunction<Func<string>> plain = app.Cache.Cached(() => "x");
        CachedFunction<Func<string>> query = app.Cache.Cached(() => "x", new CachedOptions { QueryString = true });
        Assert.Equal("view//works", View(app, nameof(CachedViewsController.Cake)).MakeCacheKey("/works"));
        Assert.Equal(plain.GetCacheKeyForPath("/works"), View(app, nameof(CachedViewsController.Cake)).MakeCacheKey("/works"));
        string viewKey = View(app, nameof(CachedViewsController.Works)).MakeCacheKey("/works", "b=2&a=1&a=0");
        Assert.Equal(query.GetCacheKeyForPath("/works", "b=2&a=1&a=0"), viewKey);
        Assert.StartsWith("view//works", viewKey, StringComparison.Ordinal);
        Assert.Equal("view//works".Length + 64, viewKey.Length);
    }

    [Fact]
    public async Task The_response_is_stored_under_the_views_key()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string body = await app.GetStringAsync("/cake/apple");
        CachedViewResponse? stored = await app.Cache.GetAsync<CachedViewResponse>(View(app, nameof(CachedViewsController.Cake)).MakeCacheKey("/cake/apple"));
        Assert.NotNull(stored);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(stored.Body));
        Assert.Equal(200, stored.StatusCode);
    }

    [Fact]
    public async Task A_views_key_for_another_path_is_the_same_from_any_request()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        CachedView cake = View(app, nameof(CachedViewsController.Cake));
        await app.GetStringAsync("/cake/chocolate");
        await app.GetStringAsync("/pie/chocolate");
        Assert.Equal("view//cake/apple", cake.MakeCacheKey("/cake/apple"));
        Assert.NotEqual(await app.GetStringAsync("/cake/chocolate"), await app.GetStringAsync("/pie/chocolate"));
    }

    [Fact]
    public async Task A_make_cache_key_policy_keys_by_what_it_returns()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string a = await app.GetStringAsync("/mvc/by-foo?foo=a");
        string b = await app.GetStringAsync("/mvc/by-foo?foo=b");
        Assert.NotEqual(a, b);
        Assert.Equal(a, await app.GetStringAsync("/mvc/by-foo?foo=a&other=1"));
        Assert.Equal(b, await app.GetStringAsync("/mvc/by-foo?foo=b"));
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>("a"));
    }

    [Fact]
    public async Task Literal_and_callable_key_prefixes_are_the_keys()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string literal = await app.GetStringAsync("/mvc/prefix");
        string callable = await app.GetStringAsync("/mvc/callable-prefix");
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>("fixed-key"));
        Assert.NotNull(await app.Cache.GetAsync<CachedViewResponse>("callable-prefix"));
        Assert.Equal(literal, await app.GetStringAsync("/mvc/prefix"));
        Assert.Equal(callable, await app.GetStringAsync("/mvc/callable-prefix"));
    }

    [Theory]
    [InlineData("/works")]
    [InlineData("/min/works")]
    public async Task Query_string_keys_ignore_parameter_order_but_not_values(string path)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync(path + "?mock=true&offset=20&limit=15");
        Assert.Equal(first, await app.GetStringAsync(path + "?limit=15&mock=true&offset=20"));
        Assert.NotEqual(first, await app.GetStringAsync(path + "?limit=15&mock=true&offset=21"));
    }

    [Fact]
    public async Task Query_string_keys_include_repeated_parameters_in_any_order()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync("/works?user[]=123&user[]=124");
        Assert.Equal(first, await app.GetStringAsync("/works?user[]=124&user[]=123"));
        Assert.NotEqual(first, await app.GetStringAsync("/works?user[]=125&user[]=124"));
    }

    [Fact]
    public async Task Delete_cached_outside_a_request_takes_a_query_string_a_mapping_or_pairs()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        CachedView works = View(app, nameof(CachedViewsController.Works));
        object[] forms =
        [
            "limit=15&mock=true&offset=20",
            new Dictionary<string, object> { ["offset"] = 20, ["limit"] = 15, ["mock"] = "true" },
            new[] { ("limit", "15"), ("mock", "true"), ("offset", "20") },
        ];
        foreach (object form in forms)
        {
            string first = await app.GetStringAsync("/works?mock=true&offset=20&limit=15");
            Assert.Equal(first, await app.GetStringAsync("/works?mock=true&offset=20&limit=15"));
            Assert.True(await works.DeleteCachedAsync("/works", form));
            Assert.NotEqual(first, await app.GetStringAsync("/works?mock=true&offset=20&limit=15"));
            Assert.True(await works.DeleteCachedAsync("/works", form));
        }
    }

    [Fact]
    public async Task Delete_cached_only_deletes_the_matching_arguments_and_handles_repeats()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        CachedView works = View(app, nameof(CachedViewsController.Works));
        string fifteen = await app.GetStringAsync("/works?limit=15");
        Assert.False(await works.DeleteCachedAsync("/works", "limit=20"));
        Assert.Equal(fifteen, await app.GetStringAsync("/works?limit=15"));
        string users = await app.GetStringAsync("/works?user[]=123&user[]=124");
        Assert.True(await works.DeleteCachedAsync("/works", "user[]=124&user[]=123"));
        Assert.NotEqual(users, await app.GetStringAsync("/works?user[]=123&user[]=124"));
    }

    [Fact]
    public async Task Delete_cached_view_by_path_and_by_endpoint_with_a_path_from_the_link_generator()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string bob = await app.GetStringAsync("/user/bob");
        Assert.True(await View(app, nameof(CachedViewsController.UserView)).DeleteCachedAsync("/user/bob"));
        Assert.NotEqual(bob, await app.GetStringAsync("/user/bob"));

        string minimal = await app.GetStringAsync("/min/user/bob");
        string path = app.App.Services.GetRequiredService<LinkGenerator>().GetPathByName("user", new { name = "bob" })!;
        Assert.Equal("/min/user/bob", path);
        CachedView user = app.Views.ForEndpoint("user")!;
        Assert.True(await user.DeleteCachedAsync(path));
        Assert.NotEqual(minimal, await app.GetStringAsync("/min/user/bob"));
        Assert.Null(app.Views.ForEndpoint("no-such-endpoint"));
    }

    [Fact]
    public async Task Make_cache_key_outside_a_request_equals_the_key_used_in_the_request()
    {
        await using ViewApp app = await ViewApp.StartAsync(signals: true);
        var keys = new List<string>();
        app.Cache.Miss += (_, e) => keys.Add(e.CacheKey);
        await app.GetStringAsync("/min/works?mock=true&limit=15");
        await app.GetStringAsync("/min/user/bob");
        Assert.Equal(keys[0], app.Views.ForEndpoint("works")!.MakeCacheKey("/min/works", "limit=15&mock=true"));
        Assert.Equal(keys[1], app.Views.ForEndpoint("user")!.MakeCacheKey("/min/user/bob"));
    }

    [Fact]
    public async Task Cache_Cached_functions_called_in_a_request_see_the_request_path()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        Assert.Equal("view//min/inside", await app.GetStringAsync("/min/inside"));
        Assert.Null(CacheRequestContext.Current);
    }
}
