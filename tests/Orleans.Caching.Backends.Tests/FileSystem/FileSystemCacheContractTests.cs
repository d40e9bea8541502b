using Orleans.Caching.Tests.Contract;

namespace Orleans.Caching.Tests.FileSystem;

public sealed class FileSystemCacheContractTests : CacheBackendContractTests, IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TempDirectory _directory = new();

    protected override bool BackendsShareOneStore => true;

    protected override bool DeleteOfMissingKeyReturnsTrue => true;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new FileSystemCacheOptions { Directory = _directory.Path };
        configure?.Invoke(options);
        return new FileSystemCache(options, _clock);
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta)
    {
        _clock.Advance(delta);
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();
}
