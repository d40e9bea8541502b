using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Grains;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Silo.Tests.Infrastructure;

/// <summary>A local silo in its own container with a fake clock, test storage and the test grains.</summary>
public sealed class SiloHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public SiloHarness(Action<SiloOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton(Probe);
        collection.AddSingleton(Monitor);
        collection.AddSingleton<IGrainStorage>(Storage);
        collection.AddOrleansCachingSiloCore();
        collection.Configure<SiloOptions>(options => configure?.Invoke(options));
        CounterGrain.Register(collection);
        ProbeGrain.Register(collection);
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        Silo = _provider.GetRequiredService<LocalSilo>();
    }

    public FakeTimeProvider Clock { get; } = new();

    public GrainProbe Probe { get; } = new();

    public TurnMonitor Monitor { get; } = new();

    public TestStorage Storage { get; } = new();

    public LocalSilo Silo { get; }

    public IGrainFactory Factory => Silo.GrainFactory;

    internal ActivationCatalog Catalog => _provider.GetRequiredService<ActivationCatalog>();

    internal ActivationCollector Collector => _provider.GetRequiredService<ActivationCollector>();

    public IServiceProvider Services => _provider;

    public IProbeGrain Grain(string key) => Factory.GetGrain<IProbeGrain>(key);

    public static GrainId ProbeId(string key) => new(ProbeGrain.GrainType, key);

    public ProbeGrain? Instance(string key)
        => Catalog.TryGetActivation(ProbeId(key), out var activation) ? activation.Grain as ProbeGrain : null;

    public int Queued(string key) => Catalog.TryGetActivation(ProbeId(key), out var activation) ? activation.QueuedCount : 0;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
