using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Hosting;

/// <summary>One three-silo test cluster with dashboards, shared by the tests of <see cref="DashboardClusterCollection"/>.</summary>
public sealed class DashboardClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder { InitialSilosCount = 3, EnableDashboards = true, Secret = "dashboard-fixture-secret" }.Build();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardClusterCollection : ICollectionFixture<DashboardClusterFixture>
{
    public const string Name = "Dashboard cluster";
}
