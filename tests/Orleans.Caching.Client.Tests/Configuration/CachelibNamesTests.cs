using Microsoft.Extensions.DependencyInjection;
using static Orleans.Caching.Tests.Configuration.CachingTestHost;

namespace Orleans.Caching.Tests.Configuration;

public sealed class CachelibNamesTests
{
    [Theory]
    [InlineData("cachelib.SimpleCache")]
    [InlineData("cachelib.simple.SimpleCache")]
    public void Cachelib_names_build_exactly_a_simple_cache(string name)
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = name });

        Assert.IsType<SimpleCache>(services.GetRequiredService<Cache>().Backend);
    }

    [Fact]
    public void The_default_timeout_reaches_the_backend()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "cachelib.SimpleCache", ["CACHE_DEFAULT_TIMEOUT"] = "111" });

        Assert.Equal(CacheTimeout.FromSeconds(111), services.GetRequiredService<Cache>().Backend.DefaultTimeout);
    }

    [Fact]
    public void Cache_options_reach_the_backend()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "cachelib.SimpleCache", ["CACHE_OPTIONS"] = "{\"threshold\": 7}" });

        Assert.Equal(7, ((SimpleCache)services.GetRequiredService<Cache>().Backend).Threshold);
    }

    [Fact]
    public void Cache_args_reach_the_file_system_backend_as_its_directory()
    {
        using var directory = new TempDirectory();
        IReadOnlyList<string>? args = null;
        using ServiceProvider services = Build(
            new() { ["CACHE_TYPE"] = "cachelib.FileSystemCache", ["CACHE_ARGS:0"] = directory.Path },
            b => b.AddBackend("FileSystemCache", context =>
            {
                args = context.Args;
                return new SimpleCache();
            }));

        services.GetRequiredService<Cache>();

        Assert.Equal([directory.Path], args);
    }

    [Fact]
    public async Task The_facade_proxies_every_backend_method()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "cachelib.SimpleCache" });
        Cache cache = services.GetRequiredService<Cache>();

        Assert.True(await cache.SetAsync("k", "v"));
        Assert.Equal("v", await cache.GetAsync<string>("k"));
        Assert.True(await cache.HasAsync("k"));
        Assert.False(await cache.AddAsync("k", "other"));
        Assert.Equal("v", await cache.GetAsync<string>("k"));
        Assert.Equal(["a", "b"], await cache.SetManyAsync(new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }));
        Assert.Equal([1, 2], await cache.GetManyAsync<int>(["a", "b"]));
        Assert.True(await cache.DeleteAsync("k"));
        Assert.False(await cache.HasAsync("k"));
        Assert.True(await cache.ClearAsync());
        Assert.Null(await cache.GetAsync("a"));
    }
}
