namespace Orleans.Caching.Tests.Configuration;

public sealed class CacheBackendRegistryTests
{
    [Theory]
    [InlineData("SimpleCache")]
    [InlineData("simplecache")]
    [InlineData("simple")]
    [InlineData("flask_caching.backends.SimpleCache")]
    [InlineData("flask_caching.backends.simplecache.SimpleCache")]
    [InlineData("cachelib.SimpleCache")]
    [InlineData("cachelib.simple.SimpleCache")]
    public void Simple_cache_names_build_a_simple_cache(string name)
    {
        ICacheBackend backend = BackendFactoryTestContext.CreateBackend(new() { ["CACHE_TYPE"] = name });

        Assert.IsType<SimpleCache>(backend);
    }

    [Theory]
    [InlineData("NullCache")]
    [InlineData("null")]
    [InlineData("flask_caching.backends.NullCache")]
    [InlineData("flask_caching.backends.nullcache.NullCache")]
    public void Null_cache_names_build_a_null_cache(string name)
    {
        ICacheBackend backend = BackendFactoryTestContext.CreateBackend(new() { ["CACHE_TYPE"] = name });

        Assert.IsType<NullCache>(backend);
    }

    [Theory]
    [InlineData("FileSystemCache")]
    [InlineData("filesystem")]
    [InlineData("flask_caching.backends.FileSystemCache")]
    [InlineData("flask_caching.backends.filesystemcache.FileSystemCache")]
    [InlineData("cachelib.FileSystemCache")]
    [InlineData("cachelib.file.FileSystemCache")]
    public void File_system_cache_names_resolve_to_the_file_system_backend(string name)
    {
        Assert.Equal("FileSystemCache", new CacheBackendRegistry().ResolveName(name));
    }

    [Theory]
    [InlineData("RedisCache", "RedisCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("redis", "RedisCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("flask_caching.backends.RedisSentinelCache", "RedisSentinelCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("flask_caching.backends.rediscache.RedisClusterCache", "RedisClusterCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("rediscluster", "RedisClusterCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("redissentinel", "RedisSentinelCache", "Orleans.Caching.Backends.Redis")]
    [InlineData("MemcachedCache", "MemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("memcached", "MemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("SASLMemcachedCache", "SASLMemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("saslmemcached", "SASLMemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("flask_caching.backends.memcache.SpreadSASLMemcachedCache", "SpreadSASLMemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("spreadsaslmemcached", "SpreadSASLMemcachedCache", "Orleans.Caching.Backends.Memcached")]
    [InlineData("Local", "Local", "Orleans.Caching.Silo")]
    [InlineData("Cluster", "Cluster", "cluster client")]
    public void Names_provided_by_other_packages_say_which_package(string name, string backend, string package)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => new CacheBackendRegistry().ResolveName(name));

        Assert.Contains($"'{name}'", ex.Message);
        Assert.Contains($"the {backend} backend is provided by", ex.Message);
        Assert.Contains(package, ex.Message);
        Assert.Contains("CACHE_TYPE", ex.Message);
        Assert.Equal("Caching:Type", ex.Key);
    }

    [Theory]
    [InlineData("gaememcached")]
    [InlineData("NoSuchCache")]
    [InlineData("flask_caching.backends.NoSuchCache")]
    [InlineData("Some.Namespace.Missing")]
    public void Unknown_names_fail_listing_the_known_ones(string name)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => new CacheBackendRegistry().ResolveName(name));

        Assert.Contains($"'{name}'", ex.Message);
        Assert.Contains("Known backends: FileSystemCache, NullCache, SimpleCache", ex.Message);
        Assert.Contains("RedisCache (the Orleans.Caching.Backends.Redis package)", ex.Message);
    }

    [Fact]
    public void A_registered_backend_replaces_the_provided_elsewhere_error()
    {
        var registry = new CacheBackendRegistry();
        var built = new SimpleCache();
        registry.Add("RedisCache", _ => built, "redis");

        ICacheBackend backend = registry.Create(BackendFactoryTestContext.Create(new() { ["CACHE_TYPE"] = "flask_caching.backends.rediscache.RedisCache" }));

        Assert.Same(built, backend);
        Assert.Equal("RedisCache", registry.ResolveName("redis"));
        Assert.Contains("RedisCache", registry.Names);
    }

    [Fact]
    public void A_registered_backend_receives_args_options_and_common_options()
    {
        var registry = new CacheBackendRegistry();
        CacheBackendFactoryContext? seen = null;
        registry.Add("Custom", context =>
        {
            seen = context;
            return new SimpleCache();
        });

        registry.Create(BackendFactoryTestContext.Create(new()
        {
            ["CACHE_TYPE"] = "custom",
            ["CACHE_ARGS"] = "[\"a\", \"b\"]",
            ["CACHE_OPTIONS"] = "{\"colour\": \"blue\", \"default_timeout\": 9}",
            ["CACHE_IGNORE_ERRORS"] = "true",
            ["CACHE_KEY_PREFIX"] = "pre_",
        }));

        Assert.NotNull(seen);
        Assert.Equal("custom", seen.Name);
        Assert.Equal(["a", "b"], seen.Args);
        Assert.Equal("blue", seen.Options["colour"]);
        Assert.Equal(CacheTimeout.FromSeconds(9), seen.BackendOptions.DefaultTimeout);
        Assert.True(seen.BackendOptions.IgnoreDeleteManyErrors);
        Assert.Equal("pre_", seen.BackendOptions.KeyPrefix);
    }
}
