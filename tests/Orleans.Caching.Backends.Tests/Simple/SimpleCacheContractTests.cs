using Orleans.Caching.Tests.Contract;

namespace Orleans.Caching.Tests.Simple;

public sealed class SimpleCacheContractTests : CacheBackendContractTests
{
    private readonly FakeTimeProvider _clock = new();

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new SimpleCacheOptions();
        configure?.Invoke(options);
        return new SimpleCache(options, _clock);
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta)
    {
        _clock.Advance(delta);
        return Task.CompletedTask;
    }
}
