using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.WebApp.Tests.Support;

namespace Orleans.Caching.WebApp.Tests.Cluster;

/// <summary>The sample's pages with the app as a client of a three-silo TestCluster.</summary>
public sealed class ClusterSamplePagesTests(SampleClusterFixture fixture) : SamplePagesTests, IClassFixture<SampleClusterFixture>
{
    protected override HttpClient Client { get; } = fixture.Factory.CreateClient();

    protected override IServiceProvider Services => fixture.Factory.Services;

    [Fact]
    public async Task A_second_app_on_the_cluster_serves_the_first_apps_cached_page_output_and_fragment()
    {
        await using var second = new SampleAppFactory(fixture.Settings);
        using HttpClient other = second.CreateClient();

        foreach (string path in (string[])["/CachedView", "/OutputCache"])
        {
            string mine = await Client.GetPageAsync(path);
            string theirs = await other.GetPageAsync(path);
            Assert.Equal(PageReader.Value(mine, "render"), PageReader.Value(theirs, "render"));
            Assert.Equal(PageReader.Value(mine, "rendered-at"), PageReader.Value(theirs, "rendered-at"));
        }

        string fragment = await Client.GetPageAsync("/Fragment");
        Assert.Equal(PageReader.Value(fragment, "fragment-rendered-at"), PageReader.Value(await other.GetPageAsync("/Fragment"), "fragment-rendered-at"));

        // A clear button pressed in one app clears the entry for both.
        string cleared = await other.PressAsync("/clear/fragment");
        Assert.Equal(PageReader.Value(cleared, "fragment-rendered-at"), PageReader.Value(await Client.GetPageAsync("/Fragment"), "fragment-rendered-at"));
        Assert.NotEqual(PageReader.Value(fragment, "fragment-rendered-at"), PageReader.Value(cleared, "fragment-rendered-at"));
    }

    [Fact]
    public void The_app_is_a_client_of_the_three_silos()
    {
        Cache cache = fixture.Factory.Services.GetRequiredService<Cache>();

        Assert.IsType<GrainCache>(cache.Backend);
        Assert.Equal(3, fixture.Factory.Services.GetRequiredService<ClusterCacheClient>().Client.CurrentView.ActiveSilos.Count);
    }
}
