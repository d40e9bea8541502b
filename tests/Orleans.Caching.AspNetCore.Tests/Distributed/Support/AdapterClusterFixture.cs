using Orleans.Caching.TestingHost;

namespace Orleans.Caching.AspNetCore.Tests.Distributed.Support;

/// <summary>A three-silo <see cref="TestCluster"/> shared by the adapter tests; its <see cref="TestCluster.Client"/> is the apps' cache.</summary>
public sealed class AdapterClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder { InitialSilosCount = 3 }.Build();

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        Assert.IsType<GrainCache>(Cluster.Client.Backend);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AdapterClusterCollection : ICollectionFixture<AdapterClusterFixture>
{
    public const string Name = "Adapter cluster";
}
