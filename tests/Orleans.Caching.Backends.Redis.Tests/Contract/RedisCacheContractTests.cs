using Orleans.Caching.Tests.Contract;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>The backend contract on a real server over TCP, database 0, with a key prefix (unique per test, so tests share the server).</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCacheContractTests(RedisServerFixture server) : CacheBackendContractTests, IDisposable
{
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    protected override bool BackendsShareOneStore => true;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        var options = new RedisCacheOptions { Host = "127.0.0.1", Port = server.Plain.Port };
        UniquePrefix.Apply(options, _prefix, configure);
        var cache = new RedisCache(options);
        _caches.Add(cache);
        return cache;
    }

    // Redis expires on its own clock. Every short timeout in the contract is 1 s, so waiting just over that shows the expiry
    // without the full (longer) advance the fake-clock backends use.
    protected override Task AdvanceTimeAsync(TimeSpan delta) => Task.Delay(delta < TimeSpan.FromSeconds(1.2) ? delta : TimeSpan.FromSeconds(1.2));

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());
}
