using Orleans.Caching.Silo;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Contract;

/// <summary>The backend contract against <see cref="GrainCache"/> in Local mode: every backend a test creates talks to one embedded silo,
/// whose grains and storage run on the test's fake clock.</summary>
public abstract class LocalGrainCacheContractTests : CacheBackendContractTests, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private LocalCacheHost? _host;

    protected override bool BackendsShareOneStore => true;

    protected abstract Dictionary<string, string?> Configuration { get; }

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        _host ??= new LocalCacheHost(Configuration, _clock);
        var options = new CacheBackendOptions();
        configure?.Invoke(options);
        LocalCacheSilo silo = _host.Silo;
        return new GrainCache(silo.GrainFactory, silo, options, _clock);
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta)
    {
        _clock.Advance(delta);
        return Task.CompletedTask;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
