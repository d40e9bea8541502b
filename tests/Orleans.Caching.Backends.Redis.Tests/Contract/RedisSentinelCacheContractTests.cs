using Orleans.Caching.Tests.Contract;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Sentinel;

/// <summary>The backend contract on a Sentinel-managed master (reads from the master, so every read sees the write before it).</summary>
[Collection(RedisSentinelCollection.Name)]
public sealed class RedisSentinelCacheContractTests(RedisSentinelFixture sentinels) : CacheBackendContractTests, IDisposable
{
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    protected override bool BackendsShareOneStore => true;

    protected override int ConcurrentOperations => 300;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new RedisSentinelCacheOptions { SentinelMaster = RedisSentinelFixture.MasterName, ReadFromReplicas = false };
        foreach (string sentinel in sentinels.SentinelEndpoints)
        {
            options.Sentinels.Add(sentinel);
        }

        UniquePrefix.Apply(options, _prefix, configure);
        var cache = new RedisSentinelCache(options);
        _caches.Add(cache);
        return cache;
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta) => Task.Delay(delta < TimeSpan.FromSeconds(1.2) ? delta : TimeSpan.FromSeconds(1.2));

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());
}
