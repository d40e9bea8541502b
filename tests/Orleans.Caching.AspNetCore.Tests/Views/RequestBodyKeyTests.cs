using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>test_view.py #16: a custom key function hashing the POSTed body.</summary>
public sealed class RequestBodyKeyTests
{
    private static async Task<string> PostAsync(ViewApp app, string url, string body)
    {
        using var content = new StringContent(body);
        HttpResponseMessage response = await app.Client.PostAsync(new Uri(url, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Identical_bodies_hit_and_different_bodies_miss_while_the_view_still_reads_the_whole_body()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string first = await PostAsync(app, "/min/by-body", "{\"flavor\":\"apple\"}");
        Assert.StartsWith("{\"flavor\":\"apple\"}:", first, StringComparison.Ordinal);
        Assert.Equal(first, await PostAsync(app, "/min/by-body", "{\"flavor\":\"apple\"}"));
        string other = await PostAsync(app, "/min/by-body", "{\"flavor\":\"pear\"}");
        Assert.StartsWith("{\"flavor\":\"pear\"}:", other, StringComparison.Ordinal);
        Assert.NotEqual(first, other);
        Assert.Equal(first, await PostAsync(app, "/min/by-body", "{\"flavor\":\"apple\"}"));
    }

    [Fact]
    public async Task A_body_over_the_views_limit_is_served_uncached_and_whole()
    {
        await using ViewApp app = await ViewApp.StartAsync();
        string body = new('x', 100);
        string first = await PostAsync(app, "/min/by-small-body", body);
        string second = await PostAsync(app, "/min/by-small-body", body);
        Assert.StartsWith(body + ":", first, StringComparison.Ordinal);
        Assert.StartsWith(body + ":", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        string tiny = await PostAsync(app, "/min/by-small-body", "tiny");
        Assert.Equal(tiny, await PostAsync(app, "/min/by-small-body", "tiny"));
    }
}
