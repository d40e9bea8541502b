using Orleans.Caching.AspNetCore.Tests.Views.Support;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.AspNetCore.Tests.Views;

/// <summary>Cached views over the grain runtime: the embedded silo (<c>Caching:Type=Local</c>) and a three-silo <see cref="TestCluster"/>.</summary>
public sealed class CachedViewClusterTests
{
    [Fact]
    public async Task Views_over_Local_hit_expire_on_the_clock_and_are_deleted_outside_a_request()
    {
        await using ViewApp app = await ViewApp.StartAsync(settings: new Dictionary<string, string?> { ["Caching:Type"] = "Local" });
        Assert.IsType<GrainCache>(app.Cache.Backend);
        string first = await app.GetStringAsync("/mvc/cached");
        Assert.Equal(first, await app.GetStringAsync("/mvc/cached"));
        app.Clock.Advance(2);
        string second = await app.GetStringAsync("/mvc/cached");
        Assert.NotEqual(first, second);
        string works = await app.GetStringAsync("/min/works?b=2&a=1");
        Assert.Equal(works, await app.GetStringAsync("/min/works?a=1&b=2"));
        Assert.True(await app.Views.ForEndpoint("works")!.DeleteCachedAsync("/min/works", "a=1&b=2"));
        Assert.NotEqual(works, await app.GetStringAsync("/min/works?a=1&b=2"));
    }

    [Fact]
    public async Task Views_over_a_three_silo_cluster_share_entries_across_apps_and_delete_from_any()
    {
        TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();
        await using (cluster)
        {
            await cluster.DeployAsync();
            Dictionary<string, string?> settings = cluster.CreateClientSettings();

            await using ViewApp one = await ViewApp.StartAsync(settings: settings);
            await using ViewApp two = await ViewApp.StartAsync(settings: settings);
            Assert.IsType<GrainCache>(one.Cache.Backend);
            string[] urls = ["/mvc/cached", "/min/cached", "/page/cached", "/works?x=1&y=2", "/user/ann", "/user/bob", "/cake/plum"];
            var bodies = new Dictionary<string, string>();
            foreach (string url in urls)
            {
                bodies[url] = await one.GetStringAsync(url);
            }

            foreach (string url in urls)
            {
                Assert.Equal(bodies[url], await two.GetStringAsync(url));
            }

            Assert.Equal(0, two.Counter.Runs);
            HttpResponseMessage json = await one.GetAsync("/mvc/json");
            HttpResponseMessage jsonHit = await two.GetAsync("/mvc/json");
            Assert.Equal("application/json", jsonHit.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await json.Content.ReadAsStringAsync(), await jsonHit.Content.ReadAsStringAsync());

            CachedView works = two.Views.ForMethod(typeof(CachedViewsController).GetMethod(nameof(CachedViewsController.Works))!)!;
            Assert.True(await works.DeleteCachedAsync("/works", "y=2&x=1"));
            Assert.NotEqual(bodies["/works?x=1&y=2"], await one.GetStringAsync("/works?x=1&y=2"));
            Assert.Equal(bodies["/user/ann"], await one.GetStringAsync("/user/ann"));
        }
    }
}
