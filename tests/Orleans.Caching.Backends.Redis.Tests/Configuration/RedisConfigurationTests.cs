using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Backends.Redis;

namespace Orleans.Caching.Tests.Configuration;

/// <summary>Flask-Caching's Redis configuration tests (URL and database precedence, missing host) and registration by name; no server needed.</summary>
public sealed class RedisConfigurationTests
{
    [Fact]
    public void A_url_without_a_database_uses_database_0()
    {
        using RedisCache cache = Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_REDIS_URL"] = "redis://localhost:6360" });
        Assert.Equal(0, cache.Database);
        Assert.Equal("redis://localhost:6360/0", cache.Target);
    }

    [Fact]
    public void A_url_database_beats_the_configured_database()
    {
        using RedisCache cache = Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_REDIS_URL"] = "redis://localhost:6360/2", ["CACHE_REDIS_DB"] = "0" });
        Assert.Equal(2, cache.Database);
    }

    [Fact]
    public void A_url_without_a_database_uses_the_configured_database()
    {
        using RedisCache cache = Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_REDIS_URL"] = "redis://localhost:6360", ["CACHE_REDIS_DB"] = "1" });
        Assert.Equal(1, cache.Database);
    }

    [Fact]
    public void A_unix_socket_url_takes_its_database_from_the_query()
    {
        using var cache = new RedisCache(new RedisCacheOptions { Url = "unix:///var/run/redis.sock?db=4" });
        Assert.Equal(4, cache.Database);
        Assert.Equal("unix:///var/run/redis.sock?db=4", cache.Target);
    }

    [Fact]
    public void A_rediss_url_describes_a_tls_connection_without_its_password()
    {
        using var cache = new RedisCache(new RedisCacheOptions { Url = "rediss://:hunter2@cache.example:6380/1" });
        Assert.Equal("rediss://cache.example:6380/1", cache.Target);
        Assert.DoesNotContain("hunter2", cache.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rediss_url_takes_redis_pys_tls_query_parameters()
    {
        RedisConnectionSettings settings = RedisSettings.FromOptions(
            new RedisCacheOptions { Url = "rediss://cache.example:6380/1?ssl_ca_certs=%2Fetc%2Fredis%2Fca.pem&ssl_cert_reqs=required" });
        RedisConnectionSettings insecure = RedisSettings.FromOptions(
            new RedisCacheOptions { Url = "rediss://cache.example:6380/1?ssl_cert_reqs=none" });

        Assert.True(settings.Ssl);
        Assert.Equal("/etc/redis/ca.pem", settings.SslCaCertificates);
        Assert.False(settings.SslAllowUntrusted);
        Assert.True(insecure.SslAllowUntrusted);
    }

    [Fact]
    public void An_unknown_ssl_cert_reqs_is_refused_naming_the_value()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new RedisCache(new RedisCacheOptions { Url = "rediss://cache.example:6380?ssl_cert_reqs=maybe" }));
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tls_options_bind_from_the_redis_section()
    {
        using RedisCache cache = Create(new()
        {
            ["CACHE_TYPE"] = "RedisCache",
            ["CACHE_REDIS_URL"] = "rediss://localhost:6380",
            ["Caching:Redis:SslAllowUntrustedCertificate"] = "true",
        });
        CacheConfigurationException error = Assert.Throws<CacheConfigurationException>(() => Create(new()
        {
            ["CACHE_TYPE"] = "RedisCache",
            ["Caching:Redis:SslAllowUntrustedCertificate"] = "sometimes",
        }));

        Assert.Equal("rediss://localhost:6380/0", cache.Target);
        Assert.Contains("'sometimes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_host_throws_the_cachelib_error()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new RedisCache(new RedisCacheOptions { Host = null }));
        Assert.Contains("RedisCache host parameter may not be None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_host_in_configuration_is_a_configuration_error_naming_the_key()
    {
        CacheConfigurationException error = Assert.Throws<CacheConfigurationException>(
            () => Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_REDIS_HOST"] = " ", ["CACHE_ARGS:0"] = "" }));
        Assert.Contains("RedisCache host parameter may not be None", error.Message, StringComparison.Ordinal);
        Assert.Contains("Caching:Redis:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_built_by_name_gets_the_flask_key_prefix_unless_one_is_configured()
    {
        using RedisCache byDefault = Create(new() { ["CACHE_TYPE"] = "RedisCache" });
        using RedisCache configured = Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_KEY_PREFIX"] = "app:" });
        using RedisCache empty = Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_KEY_PREFIX"] = "" });

        Assert.Equal("flask_cache_", byDefault.KeyPrefix);
        Assert.Equal("app:", configured.KeyPrefix);
        Assert.Equal(string.Empty, empty.KeyPrefix);
    }

    [Theory]
    [InlineData("RedisCache", typeof(RedisCache))]
    [InlineData("redis", typeof(RedisCache))]
    [InlineData("flask_caching.backends.RedisCache", typeof(RedisCache))]
    [InlineData("flask_caching.backends.rediscache.RedisCache", typeof(RedisCache))]
    [InlineData("cachelib.RedisCache", typeof(RedisCache))]
    [InlineData("RedisSentinelCache", typeof(RedisSentinelCache))]
    [InlineData("redissentinel", typeof(RedisSentinelCache))]
    [InlineData("cachelib.redis.RedisSentinelCache", typeof(RedisSentinelCache))]
    [InlineData("RedisClusterCache", typeof(RedisClusterCache))]
    [InlineData("rediscluster", typeof(RedisClusterCache))]
    public void Every_flask_name_builds_its_backend_without_a_live_server(string name, Type expected)
    {
        using var cache = (RedisCache)Build(new()
        {
            ["CACHE_TYPE"] = name,
            ["CACHE_REDIS_SENTINELS"] = "127.0.0.1:1,127.0.0.1:2",
            ["CACHE_REDIS_SENTINEL_MASTER"] = "mymaster",
            ["CACHE_REDIS_CLUSTER"] = "127.0.0.1:3,127.0.0.1:4",
        });
        Assert.IsType(expected, cache);
    }

    [Fact]
    public void Cachelib_positional_args_set_host_port_password_and_db()
    {
        using RedisCache cache = Create(new()
        {
            ["CACHE_TYPE"] = "cachelib.RedisCache",
            ["CACHE_ARGS:0"] = "10.1.2.3",
            ["CACHE_ARGS:1"] = "6390",
            ["CACHE_ARGS:2"] = "pw",
            ["CACHE_ARGS:3"] = "7",
        });
        Assert.Equal("redis://10.1.2.3:6390/7", cache.Target);
        Assert.Equal(7, cache.Database);
    }

    [Fact]
    public void An_unknown_client_option_is_a_configuration_error()
    {
        CacheConfigurationException error = Assert.Throws<CacheConfigurationException>(
            () => Create(new() { ["CACHE_TYPE"] = "RedisCache", ["Caching:Redis:Options:noSuchOption"] = "1" }));
        Assert.Contains("noSuchOption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_port_names_the_key_and_the_value()
    {
        CacheConfigurationException error = Assert.Throws<CacheConfigurationException>(
            () => Create(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_REDIS_PORT"] = "http" }));
        Assert.Contains("CACHE_REDIS_PORT", error.Message, StringComparison.Ordinal);
        Assert.Contains("'http'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_cache_refuses_a_database_other_than_0()
    {
        Assert.Throws<ArgumentException>(() => new RedisClusterCache(new RedisClusterCacheOptions { Cluster = "127.0.0.1:7000", Db = 1 }));
    }

    [Fact]
    public void A_sentinel_cache_needs_a_sentinel()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new RedisSentinelCache(new RedisSentinelCacheOptions()));
        Assert.Contains("CACHE_REDIS_SENTINELS", error.Message, StringComparison.Ordinal);
    }

    private static RedisCache Create(Dictionary<string, string?> values) => (RedisCache)Build(values);

    private static ICacheBackend Build(Dictionary<string, string?> values)
    {
        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var context = new CacheBackendFactoryContext(normalized["Type"]!, normalized, new ServiceCollection().BuildServiceProvider());
        return new CacheBackendRegistry().Create(context);
    }
}
