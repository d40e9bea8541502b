using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Memcached.Configuration;

public sealed class MemcachedConfigurationTests
{
    public static CacheBackendFactoryContext Context(Dictionary<string, string?> values)
    {
        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return new CacheBackendFactoryContext(normalized["Type"]!, normalized, new ServiceCollection().BuildServiceProvider());
    }

    [Theory]
    [InlineData("MemcachedCache", typeof(MemcachedCache))]
    [InlineData("memcached", typeof(MemcachedCache))]
    [InlineData("flask_caching.backends.MemcachedCache", typeof(MemcachedCache))]
    [InlineData("flask_caching.backends.memcache.MemcachedCache", typeof(MemcachedCache))]
    [InlineData("cachelib.MemcachedCache", typeof(MemcachedCache))]
    [InlineData("SASLMemcachedCache", typeof(SASLMemcachedCache))]
    [InlineData("saslmemcached", typeof(SASLMemcachedCache))]
    [InlineData("flask_caching.backends.memcache.SASLMemcachedCache", typeof(SASLMemcachedCache))]
    [InlineData("SpreadSASLMemcachedCache", typeof(SpreadSASLMemcachedCache))]
    [InlineData("spreadsaslmemcached", typeof(SpreadSASLMemcachedCache))]
    [InlineData("cachelib.SpreadSASLMemcachedCache", typeof(SpreadSASLMemcachedCache))]
    public async Task Every_name_builds_its_backend_without_a_live_server(string name, Type expected)
    {
        ICacheBackend backend = new CacheBackendRegistry().Create(Context(new() { ["CACHE_TYPE"] = name, ["CACHE_MEMCACHED_SERVERS"] = "127.0.0.1:1" }));

        Assert.IsType(expected, backend);
        await ((IAsyncDisposable)backend).DisposeAsync();
    }

    [Fact]
    public async Task Flask_settings_bind_servers_credentials_prefix_and_chunk_options()
    {
        await using var backend = (SpreadSASLMemcachedCache)new CacheBackendRegistry().Create(Context(new()
        {
            ["CACHE_TYPE"] = "SpreadSASLMemcachedCache",
            ["CACHE_MEMCACHED_SERVERS"] = "10.0.0.1:11211, 10.0.0.2:11212;/run/memcached.sock",
            ["CACHE_MEMCACHED_USERNAME"] = "app",
            ["CACHE_MEMCACHED_PASSWORD"] = "secret",
            ["CACHE_KEY_PREFIX"] = "myapp:",
            ["CACHE_OPTIONS:chunksize"] = "4096",
            ["CACHE_OPTIONS:maxchunk"] = "8",
            ["Caching:Memcached:DeadServerRetryInterval"] = "2.5",
        }));

        var options = (SpreadSASLMemcachedCacheOptions)backend.MemcachedOptions;
        Assert.Equal(["10.0.0.1:11211", "10.0.0.2:11212", "/run/memcached.sock"], options.Servers);
        Assert.Equal("app", options.Username);
        Assert.Equal("secret", options.Password);
        Assert.Equal("myapp:", backend.KeyPrefix);
        Assert.Equal(4096, options.ChunkSize);
        Assert.Equal(8, options.MaxChunks);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.DeadServerRetryInterval);
    }

    [Fact]
    public async Task Args_follow_flask_cachings_constructor_and_the_prefix_defaults_to_flask_cache()
    {
        await using var withArgs = (SASLMemcachedCache)new CacheBackendRegistry().Create(Context(new()
        {
            ["CACHE_TYPE"] = "SASLMemcachedCache",
            ["CACHE_ARGS:0"] = "h1:1,h2:2",
            ["CACHE_ARGS:1"] = "60",
            ["CACHE_ARGS:2"] = "args:",
            ["CACHE_ARGS:3"] = "u",
            ["CACHE_ARGS:4"] = "p",
        }));
        await using var defaults = (MemcachedCache)new CacheBackendRegistry().Create(Context(new() { ["CACHE_TYPE"] = "MemcachedCache" }));

        Assert.Equal(["h1:1", "h2:2"], withArgs.MemcachedOptions.Servers);
        Assert.Equal(CacheTimeout.FromSeconds(60), withArgs.DefaultTimeout);
        Assert.Equal("args:", withArgs.KeyPrefix);
        Assert.Equal("u", ((SASLMemcachedCacheOptions)withArgs.MemcachedOptions).Username);
        Assert.Equal("flask_cache_", defaults.KeyPrefix);
        Assert.Equal(["127.0.0.1:11211"], defaults.MemcachedOptions.Servers);
    }

    [Fact]
    public void A_bad_server_fails_naming_the_setting()
    {
        CacheConfigurationException error = Assert.Throws<CacheConfigurationException>(() => new CacheBackendRegistry().Create(Context(new()
        {
            ["CACHE_TYPE"] = "MemcachedCache",
            ["CACHE_MEMCACHED_SERVERS"] = "host:notaport",
        })));

        Assert.Contains("CACHE_MEMCACHED_SERVERS", error.Message, StringComparison.Ordinal);
        Assert.Contains("notaport", error.Message, StringComparison.Ordinal);
    }
}
