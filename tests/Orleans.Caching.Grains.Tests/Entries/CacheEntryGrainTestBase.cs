using System.Text;
using Orleans.Caching.Grains.Tests.Hosting;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Entries;

/// <summary>Cache entry grains over the real write-through path: <see cref="BackendGrainStorage"/> on a <see cref="SimpleCache"/>, all on one fake clock.</summary>
public abstract class CacheEntryGrainTestBase
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected CacheEntryGrainTestBase()
    {
        Backend = new SimpleCache(new SimpleCacheOptions(), Clock);
        Storage = new ChaosGrainStorage(new BackendGrainStorage(Backend, null, Clock));
    }

    protected FakeTimeProvider Clock { get; } = new();

    protected SimpleCache Backend { get; }

    protected ChaosGrainStorage Storage { get; }

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);

    protected Task<CacheEntryGrain> ActivateAsync(string key = "key", CacheGrainOptions? options = null, IGrainStorage? storage = null)
        => TestGrainContext.ActivateEntryAsync(key, storage ?? Storage, Clock, options);

    protected async Task<string?> BackendTextAsync(string key = "key") => Text(await Backend.GetAsync(key, None));
}
