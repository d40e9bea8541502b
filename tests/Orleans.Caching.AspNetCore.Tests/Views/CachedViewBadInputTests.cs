using System.Net;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>Views that throw, responses that cannot be cached, and a cache that is down.</summary>
public sealed class CachedViewBadInputTests
{
    [Theory]
    [InlineData("/mvc/throws")]
    [InlineData("/min/throws")]
    public async Task A_view_that_throws_propagates_the_exception_and_nothing_is_cached(string url)
    {
        await using ViewApp app = await ViewApp.StartAsync();
        app.Toggles.Throw = true;
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetAsync(url));
        Assert.Equal("The view failed.", error.Message);
        Assert.Null(await app.Cache.GetAsync<CachedViewResponse>("view/" + url));
        app.Toggles.Throw = false;
        string first = await app.GetStringAsync(url);
        Assert.Equal(first, await app.GetStringAsync(url));
        Assert.Equal(1, app.Counter.Runs);
    }

    [Fact]
    public async Task A_response_over_the_size_limit_is_served_whole_but_uncached_with_a_log_line()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await app.GetStringAsync("/mvc/large");
        string second = await app.GetStringAsync("/mvc/large");
        Assert.Equal(101, first.Length);
        Assert.NotEqual(first, second);
        Assert.Contains("larger than 10 bytes", app.Logs.WithEventId(7000)[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, app.Logs.WithEventId(7000).Count);
    }

    [Fact]
    public async Task A_streamed_response_is_served_uncached_with_a_log_line()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        Assert.NotEqual(await app.GetStringAsync("/min/streamed"), await app.GetStringAsync("/min/streamed"));
        Assert.Contains("streamed", app.Logs.WithEventId(7000)[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mvc/cached")]
    [InlineData("/min/cached")]
    [InlineData("/page/cached")]
    public async Task A_backend_outage_serves_the_view_uncached_and_logs_it(string url)
    {
        var backend = new OutageBackend();
        await using ViewApp app = await ViewApp.StartAsync(backend);
        HttpResponseMessage first = await app.GetAsync(url);
        HttpResponseMessage second = await app.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(2, app.Counter.Runs);
        Assert.True(backend.Failures >= 2);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Name == "DecoratorCacheFailure" && e.Exception is CacheException);
    }

    [Fact]
    public async Task A_head_request_runs_the_view_without_reading_or_storing()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri("/page/cached", UriKind.Relative));
        HttpResponseMessage response = await app.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await app.Cache.GetAsync<CachedViewResponse>("view//page/cached"));
        Assert.Equal(1, app.Counter.Runs);
    }
}
