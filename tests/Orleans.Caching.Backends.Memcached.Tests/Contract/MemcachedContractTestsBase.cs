using Orleans.Caching.Tests.Contract;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached.Contract;

/// <summary>The backend contract on real memcached servers: the servers are flushed before each test, time is real.</summary>
public abstract class MemcachedContractTestsBase : CacheBackendContractTests, IAsyncLifetime
{
    private readonly List<ICacheBackend> _backends = [];

    protected MemcachedContractTestsBase(MemcachedFixture fixture) => Fixture = fixture;

    protected MemcachedFixture Fixture { get; }

    protected override bool BackendsShareOneStore => true;

    protected override ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null)
    {
        ICacheBackend backend = Create(configure);
        _backends.Add(backend);
        return backend;
    }

    /// <summary>Waits for real, but at most 2.5 s: expiry times are whole seconds, and memcached's clock ticks every second.</summary>
    protected override Task AdvanceTimeAsync(TimeSpan delta) => Task.Delay(delta < TimeSpan.FromSeconds(2.5) ? delta : TimeSpan.FromSeconds(2.5));

    protected abstract ICacheBackend Create(Action<CacheBackendOptions>? configure);

    public async Task InitializeAsync() => Assert.True(await CreateBackend().ClearAsync(None));

    public async Task DisposeAsync()
    {
        foreach (ICacheBackend backend in _backends)
        {
            await ((IAsyncDisposable)backend).DisposeAsync();
        }
    }
}

[Collection(OnePlainServerCollection.Name)]
public sealed class MemcachedCacheContractTests(OnePlainServerFixture fixture) : MemcachedContractTestsBase(fixture)
{
    protected override ICacheBackend Create(Action<CacheBackendOptions>? configure)
    {
        var options = new MemcachedCacheOptions { Servers = Fixture.Addresses, MaxItemBytes = 2 * 1024 * 1024 };
        configure?.Invoke(options);
        return new MemcachedCache(options);
    }
}

[Collection(TwoPlainServersCollection.Name)]
public sealed class MemcachedCacheOnTwoServersContractTests(TwoPlainServersFixture fixture) : MemcachedContractTestsBase(fixture)
{
    protected override ICacheBackend Create(Action<CacheBackendOptions>? configure)
    {
        var options = new MemcachedCacheOptions { Servers = Fixture.Addresses, MaxItemBytes = 2 * 1024 * 1024 };
        configure?.Invoke(options);
        return new MemcachedCache(options);
    }
}

[Collection(SaslServerCollection.Name)]
public sealed class SASLMemcachedCacheContractTests(SaslServerFixture fixture) : MemcachedContractTestsBase(fixture)
{
    protected override ICacheBackend Create(Action<CacheBackendOptions>? configure)
    {
        var options = new SASLMemcachedCacheOptions
        {
            Servers = Fixture.Addresses,
            Username = SaslDatabase.User,
            Password = SaslDatabase.Password,
            MaxItemBytes = 2 * 1024 * 1024,
        };
        configure?.Invoke(options);
        return new SASLMemcachedCache(options);
    }
}

[Collection(SpreadServerCollection.Name)]
public sealed class SpreadSASLMemcachedCacheContractTests(SpreadServerFixture fixture) : MemcachedContractTestsBase(fixture)
{
    protected override ICacheBackend Create(Action<CacheBackendOptions>? configure)
    {
        var options = new SpreadSASLMemcachedCacheOptions { Servers = Fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password };
        configure?.Invoke(options);
        return new SpreadSASLMemcachedCache(options);
    }
}
