using Orleans.Caching.Tests.Contract;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Contract;

/// <summary>The backend contract against the <c>Cluster</c> backend over a real three-silo <see cref="Orleans.Caching.TestingHost.TestCluster"/>:
/// TCP, handshakes, routing by ownership and batches through <c>sys.cache-control</c>. One cluster serves the whole class; each test starts
/// from a cleared cluster, and time moves on the silos' <see cref="ShiftableClock"/>.</summary>
public abstract class ClusterCacheContractTests(AcceptanceClusterFixture fixture) : CacheBackendContractTests, IAsyncLifetime
{
    protected override bool BackendsShareOneStore => true;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new CacheBackendOptions();
        configure?.Invoke(options);
        return fixture.CreateBackend(options);
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta)
    {
        fixture.Clock.Advance(delta);
        return Task.CompletedTask;
    }

    public async Task InitializeAsync() => Assert.True(await fixture.CreateBackend(new CacheBackendOptions()).ClearAsync(None));

    public Task DisposeAsync() => Task.CompletedTask;
}
