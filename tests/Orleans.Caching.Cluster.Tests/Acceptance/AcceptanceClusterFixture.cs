using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Acceptance;

/// <summary>
/// A three-silo <see cref="TestCluster"/> on a <see cref="ShiftableClock"/>, shared by the tests of a class or collection, with one started
/// cluster client whose grain factory and batch invoker back every <see cref="GrainCache"/> a test creates (so each can carry its own options).
/// </summary>
public class AcceptanceClusterFixture : IAsyncLifetime
{
    private ClusterCacheClient? _client;
    private ClusterBatchInvoker? _batches;

    public AcceptanceClusterFixture()
        : this(null)
    {
    }

    protected AcceptanceClusterFixture(string? sharedStorageDirectory)
    {
        var builder = new TestClusterBuilder { InitialSilosCount = 3, SharedStorageDirectory = sharedStorageDirectory, Secret = Secret };
        builder.ConfigureSiloServices((_, services) => services.AddSingleton<TimeProvider>(Clock));
        Cluster = builder.Build();
    }

    /// <summary>The cluster secret: silos and the fixture's client prove they know it at every handshake.</summary>
    public const string Secret = "acceptance-secret";

    public ShiftableClock Clock { get; } = new();

    public TestCluster Cluster { get; }

    public ServiceProvider? ClientServices { get; private set; }

    /// <summary>Creates a Cluster backend over the shared client; the grains decide expiry on the silos' <see cref="Clock"/>.</summary>
    public GrainCache CreateBackend(CacheBackendOptions options, TimeProvider? clientClock = null)
    {
        ClusterCacheClient client = _client ?? throw new InvalidOperationException("The fixture has not been initialized.");
        return new GrainCache(client.GrainFactory, _batches!, _batches, options, clientClock ?? Clock);
    }

    public virtual async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        ClientServices = Cluster.CreateClientServices();

        // Resolving the Cluster cache starts the client (a gateway contacted, the membership read).
        Assert.IsType<GrainCache>(ClientServices.GetRequiredService<Cache>().Backend);
        _client = ClientServices.GetRequiredService<ClusterCacheClient>();
        _batches = new ClusterBatchInvoker(_client.Client, _client.GrainFactory);
    }

    public virtual async Task DisposeAsync()
    {
        if (ClientServices is not null)
        {
            await ClientServices.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
