using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests;

namespace Orleans.Caching.AspNetCore.Tests.Distributed.Support;

/// <summary>
/// The Orleans.Caching <see cref="Cache"/> an adapter test runs on: an embedded silo (<c>Local</c>) on the test's fake clock, the
/// shared three-silo <see cref="AdapterClusterFixture"/> client, or a <see cref="OutageBackend"/>. Several <see cref="AdapterApp"/>s
/// may share one target, as several processes share one cluster.
/// </summary>
public sealed class CacheTarget : IAsyncDisposable
{
    private readonly ServiceProvider? _services;

    private CacheTarget(Cache cache, FakeTimeProvider clock, ServiceProvider? services)
    {
        Cache = cache;
        Clock = clock;
        _services = services;
    }

    public Cache Cache { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A unique key prefix, so tests sharing a cluster never see each other's keys.</summary>
    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..12] + "/";

    public static CacheTarget Local(Dictionary<string, string?>? values = null)
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(values ?? []).Build());
        ServiceProvider provider = services.BuildServiceProvider();
        return new CacheTarget(provider.GetRequiredService<Cache>(), clock, provider);
    }

    public static CacheTarget Cluster(AdapterClusterFixture fixture) => new(fixture.Cluster.Client, new FakeTimeProvider(), null);

    public static CacheTarget Outage(out OutageBackend backend)
    {
        var clock = new FakeTimeProvider();
        backend = new OutageBackend(clock);
        return new CacheTarget(new Cache(backend, timeProvider: clock), clock, null);
    }

    public ValueTask DisposeAsync() => _services?.DisposeAsync() ?? ValueTask.CompletedTask;
}
