using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Cluster.Tests.Acceptance;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;
using Orleans.Caching.Tests.GrainMemoize;

namespace Orleans.Caching.Cluster.Tests.Client.GrainMemoize;

/// <summary>A three-silo TestCluster hosting <see cref="PriceGrain"/> on a <see cref="ShiftableClock"/>, and a cluster client application with
/// the price grain's interface and codecs, <c>AddMemoizedGrainCalls</c> and the quote policy.</summary>
public sealed class GrainMemoizeClusterFixture : IAsyncLifetime
{
    public GrainMemoizeClusterFixture()
    {
        var builder = new TestClusterBuilder { InitialSilosCount = 3 };
        builder.ConfigureSiloServices((_, services) =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            PriceGrain.Register(services);
            services.AddSingleton(new GrainMessageCodec([.. CacheGrainCodecs.Methods, .. PriceGrain.Codecs]));
        });
        Cluster = builder.Build();
    }

    public ShiftableClock Clock { get; } = new();

    public TestCluster Cluster { get; }

    public ServiceProvider ClientServices { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        Dictionary<string, string?> settings = Cluster.CreateClientSettings();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        PriceGrain.Register(services, withClass: false);
        GrainMemoizeTests.AddMemoizedPriceCalls(services);
        ClientServices = services.BuildServiceProvider();
        Assert.IsType<GrainCache>(ClientServices.GetRequiredService<Cache>().Backend);
    }

    public async Task DisposeAsync()
    {
        await ClientServices.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}

public sealed class ClusterGrainMemoizeTests(GrainMemoizeClusterFixture fixture) : GrainMemoizeTests, IClassFixture<GrainMemoizeClusterFixture>
{
    protected override IGrainFactory Grains => fixture.ClientServices.GetRequiredService<ClusterCacheClient>().GrainFactory;

    protected override Cache Cache => fixture.ClientServices.GetRequiredService<Cache>();

    protected override Task AdvanceAsync(TimeSpan delta)
    {
        fixture.Clock.Advance(delta);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_price_grains_are_spread_over_the_silos_and_each_hit_stays_on_the_client()
    {
        var owners = new HashSet<SiloAddress>();
        ClusterClient client = fixture.ClientServices.GetRequiredService<ClusterCacheClient>().Client;
        for (int i = 0; i < 12; i++)
        {
            string key = NewKey("spread" + i);
            IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);
            Assert.Equal(await grain.GetPriceAsync("ab"), await grain.GetPriceAsync("ab"));
            Assert.Equal(1, PriceGrainCalls.Of(key));
            owners.Add(client.CurrentView.SelectOwner(new GrainId(PriceGrain.GrainType, key))!);
        }

        Assert.True(owners.Count > 1, "12 grains should not all live on one of 3 silos.");
    }
}
