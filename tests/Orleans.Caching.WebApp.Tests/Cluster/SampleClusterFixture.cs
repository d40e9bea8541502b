using Orleans.Caching.TestingHost;
using Orleans.Caching.WebApp.Tests.Support;

namespace Orleans.Caching.WebApp.Tests.Cluster;

/// <summary>A three-silo TestCluster and the sample app configured as its client (<c>--Caching:Type=Cluster --Caching:Cluster:Gateways:i=...</c>).</summary>
public sealed class SampleClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder { InitialSilosCount = 3 }.Build();

    public SampleAppFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = Cluster.ClusterId,
        };
        for (int i = 0; i < Cluster.Gateways.Count; i++)
        {
            settings[$"Caching:Cluster:Gateways:{i}"] = Cluster.Gateways[i];
        }

        Factory = new SampleAppFactory(settings);
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
