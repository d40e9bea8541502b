using Orleans.Caching.TestingHost;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>Memoized views over the grain runtime: concurrent misses on the embedded silo and a three-silo <see cref="TestCluster"/>.</summary>
public sealed class MemoizedViewClusterTests
{
    [Fact]
    public async Task Concurrent_requests_with_the_same_arguments_over_Local_run_the_view_once()
    {
        await using MemoizedViewApp app = await MemoizedViewApp.StartAsync(settings: new Dictionary<string, string?> { ["Caching:Type"] = "Local" });
        string[] bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.GetStringAsync("/memo-async/9")));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, app.Counter.Runs);
    }

    [Fact]
    public async Task Memoized_views_over_a_three_silo_cluster_share_entries_across_apps_and_delete_from_any()
    {
        TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();
        await using (cluster)
        {
            await cluster.DeployAsync();
            Dictionary<string, string?> settings = cluster.CreateClientSettings();

            await using MemoizedViewApp one = await MemoizedViewApp.StartAsync(settings: settings);
            await using MemoizedViewApp two = await MemoizedViewApp.StartAsync(settings: settings);
            Assert.IsType<GrainCache>(one.Cache.Backend);
            string[] urls = ["/memo/a/b", "/memo/b/a", "/memo-page/1", "/memo-json/3"];
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
            MemoizedView show = two.Views.ForMethod(typeof(MemoizedViewsController).GetMethod(nameof(MemoizedViewsController.Show))!)!;
            Assert.Equal(await show.MakeCacheKeyAsync("a", "b"), await one.Views.ForMethod(show.Method)!.MakeCacheKeyAsync("a", "b"));
            await show.DeleteMemoizedAsync("a", "b");
            Assert.NotEqual(bodies["/memo/a/b"], await one.GetStringAsync("/memo/a/b"));
            Assert.Equal(bodies["/memo/b/a"], await one.GetStringAsync("/memo/b/a"));
            await show.DeleteMemoizedAsync();
            Assert.NotEqual(bodies["/memo/b/a"], await one.GetStringAsync("/memo/b/a"));
            Assert.Equal(bodies["/memo-json/3"], await one.GetStringAsync("/memo-json/3"));
        }
    }
}
