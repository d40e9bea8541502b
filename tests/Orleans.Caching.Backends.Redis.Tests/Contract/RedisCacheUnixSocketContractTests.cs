using Orleans.Caching.Tests.Contract;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>The backend contract through a unix socket (<c>unix://...?db=2</c>), database 2.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCacheUnixSocketContractTests(RedisServerFixture server) : CacheBackendContractTests, IDisposable
{
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    protected override bool BackendsShareOneStore => true;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new RedisCacheOptions { Url = $"unix://{server.Plain.UnixSocket}?db=2" };
        UniquePrefix.Apply(options, _prefix, configure);
        var cache = new RedisCache(options);
        _caches.Add(cache);
        return cache;
    }

    protected override Task AdvanceTimeAsync(TimeSpan delta) => Task.Delay(delta < TimeSpan.FromSeconds(1.2) ? delta : TimeSpan.FromSeconds(1.2));

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());
}
