using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary><c>rediss://</c> against a real TLS-only server: trusted through a CA file, refused when untrusted, and the development opt-out.</summary>
[Collection(RedisTlsCollection.Name)]
public sealed class RedisCacheTlsTests(RedisTlsFixture tls)
{
    private static CancellationToken None => CancellationToken.None;

    private string Url(string host = "127.0.0.1") => $"rediss://:{RedisTlsFixture.Password}@{host}:{tls.Server.Port}/0";

    [Fact]
    public async Task A_rediss_url_with_the_servers_authority_round_trips_get_set_inc_and_a_prefixed_clear()
    {
        string prefix = UniquePrefix.New();
        using var cache = new RedisCache(new RedisCacheOptions { Url = Url(), SslCaCertificates = tls.Certificates.CaFile, KeyPrefix = prefix });
        using var other = new RedisCache(new RedisCacheOptions { Url = Url(), SslCaCertificates = tls.Certificates.CaFile, KeyPrefix = UniquePrefix.New() });

        Assert.True(await cache.SetAsync("greeting", "hello"u8.ToArray(), 60, None));
        Assert.Equal("hello"u8.ToArray(), await cache.GetAsync("greeting", None));
        Assert.Equal(5, await cache.IncrementAsync("counter", 5, None));
        Assert.Equal(3, await cache.IncrementAsync("counter", -2, None));
        Assert.True(await other.SetAsync("kept", "1"u8.ToArray(), 60, None));

        Assert.Equal("hello", await tls.Server.CliAsync("GET", prefix + "greeting"));
        Assert.True(await cache.ClearAsync(None));
        Assert.Null(await cache.GetAsync("greeting", None));
        Assert.Null(await cache.GetAsync("counter", None));
        Assert.Equal("1"u8.ToArray(), await other.GetAsync("kept", None));
        Assert.StartsWith("rediss://127.0.0.1:", cache.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_url_carries_redis_pys_ssl_ca_certs_and_checks_the_host_name_localhost()
    {
        string prefix = UniquePrefix.New();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CACHE_TYPE"] = "RedisCache",
            ["CACHE_KEY_PREFIX"] = prefix,
            ["CACHE_REDIS_URL"] = Url("localhost") + "?ssl_ca_certs=" + Uri.EscapeDataString(tls.Certificates.CaFile),
        }).Build();
        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration);
        var context = new CacheBackendFactoryContext("RedisCache", normalized, new ServiceCollection().BuildServiceProvider());
        using var backend = Assert.IsType<RedisCache>(new CacheBackendRegistry().Create(context));

        Assert.True(await backend.SetAsync("k", "v"u8.ToArray(), 60, None));
        Assert.Equal("v", await tls.Server.CliAsync("GET", prefix + "k"));
    }

    [Fact]
    public async Task An_untrusted_server_certificate_is_refused_with_a_clear_error_and_no_password()
    {
        using var cache = new RedisCache(new RedisCacheOptions { Url = Url(), ClientOptions = { ["connectTimeout"] = "1000" } });

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.GetAsync("k", None));

        Assert.Contains("is not trusted by this machine", error.Message, StringComparison.Ordinal);
        Assert.Contains("SslCaCertificates", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{tls.Server.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisTlsFixture.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_another_authority_than_the_configured_one_is_refused()
    {
        using var cache = new RedisCache(new RedisCacheOptions
        {
            Url = Url(),
            SslCaCertificates = tls.Stranger.CaFile,
            ClientOptions = { ["connectTimeout"] = "1000" },
        });

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.SetAsync("k", "v"u8.ToArray(), 60, None));

        Assert.Contains("does not chain to an authority in " + tls.Stranger.CaFile, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisTlsFixture.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_certificate_that_does_not_name_the_host_is_refused()
    {
        using var cache = new RedisCache(new RedisCacheOptions
        {
            Url = Url(),
            SslCaCertificates = tls.Certificates.CaFile,
            ClientOptions = { ["sslHost"] = "cache.example", ["connectTimeout"] = "1000" },
        });

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.GetAsync("k", None));

        Assert.Contains("does not name the host connected to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_opt_out_ssl_cert_reqs_none_accepts_the_untrusted_certificate()
    {
        string prefix = UniquePrefix.New();
        using var cache = new RedisCache(new RedisCacheOptions { Url = Url() + "?ssl_cert_reqs=none", KeyPrefix = prefix });

        Assert.True(await cache.SetAsync("k", "v"u8.ToArray(), 60, None));
        Assert.Equal("v", await tls.Server.CliAsync("GET", prefix + "k"));
    }

    [Fact]
    public void A_missing_authority_file_fails_at_construction_naming_the_file()
    {
        string missing = Path.Combine(tls.Server.Directory, "no-such-ca.pem");
        ArgumentException error = Assert.Throws<ArgumentException>(() => new RedisCache(new RedisCacheOptions { Url = Url(), SslCaCertificates = missing }));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
