using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.WebApp.Tests.Cluster;

/// <summary>The sample's pages with the app as a client of a three-silo TestCluster.</summary>
public sealed class ClusterSamplePagesTests(SampleClusterFixture fixture) : SamplePagesTests, IClassFixture<SampleClusterFixture>
{
    protected override HttpClient Client { get; } = fixture.Factory.CreateClient();

    [Fact]
    public void The_app_is_a_client_of_the_three_silos()
    {
        Cache cache = fixture.Factory.Services.GetRequiredService<Cache>();

        Assert.IsType<GrainCache>(cache.Backend);
        Assert.Equal(3, fixture.Factory.Services.GetRequiredService<ClusterCacheClient>().Client.CurrentView.ActiveSilos.Count);
    }
}
