using Orleans.Caching.TestingHost;
using Orleans.Caching.WebApp.Tests.Support;

namespace Orleans.Caching.WebApp.Tests.Cluster;

/// <summary>A three-silo TestCluster and the sample app configured as its client (<c>--Caching:Type=Cluster --Caching:Cluster:Gateways:i=...</c>).</summary>
public sealed class SampleClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder { InitialSilosCount = 3 }.Build();

    public SampleAppFactory Factory { get; private set; } = null!;

    /// <summary>The settings that make the sample a client of <see cref="Cluster"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        foreach (KeyValuePair<string, string?> setting in Cluster.CreateClientSettings())
        {
            Settings[setting.Key] = setting.Value;
        }

        Factory = new SampleAppFactory(Settings);
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
