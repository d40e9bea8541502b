using Orleans.Caching.Tests.Contract;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cluster;

/// <summary>The backend contract on a three-master Redis Cluster (keys spread over every node; multi-key operations split by slot).</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterCacheContractTests(RedisClusterFixture cluster) : CacheBackendContractTests, IDisposable
{
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    protected override bool BackendsShareOneStore => true;

    protected override int ConcurrentOperations => 300;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new RedisClusterCacheOptions { Cluster = cluster.NodeList };
        UniquePrefix.Apply(options, _prefix, configure);
        var cache = new RedisClusterCache(options);
        _caches.Add(cache);
        return cache;
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta) => Task.Delay(delta < TimeSpan.FromSeconds(1.2) ? delta : TimeSpan.FromSeconds(1.2));

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());
}
