using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Local;

public sealed class LocalConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Without_a_type_an_app_that_references_the_silo_package_gets_a_grain_cache()
    {
        await using var host = new LocalCacheHost();

        Assert.IsType<GrainCache>(host.Cache.Backend);
        Assert.True(host.Services.GetRequiredService<LocalCacheSilo>().IsStarted);
        Assert.True(await host.Cache.SetAsync("k", "v"));
        Assert.Equal("v", await host.Cache.GetAsync<string>("k"));
    }

    [Theory]
    [InlineData("Caching:Type", "Local")]
    [InlineData("CACHE_TYPE", "local")]
    [InlineData("CACHE_TYPE", "flask_caching.backends.Local")]
    public async Task Local_is_a_registered_name_under_its_spellings(string key, string name)
    {
        await using var host = new LocalCacheHost(new() { [key] = name });

        Assert.IsType<GrainCache>(host.Cache.Backend);
    }

    [Fact]
    public void Every_registry_of_the_app_knows_local_through_the_package_attribute()
    {
        var registry = new CacheBackendRegistry();

        Assert.Contains("Local", registry.Names);
        Assert.Contains(registry.Providers, p => p.GetType().Assembly == typeof(LocalCacheSilo).Assembly);
        Assert.DoesNotContain("Local", new CacheBackendRegistry(discoverProviders: false).Names);
    }

    [Fact]
    public async Task A_direct_backend_named_explicitly_is_still_used_and_no_silo_starts()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Type"] = "SimpleCache" });

        Assert.IsType<SimpleCache>(host.Cache.Backend);
        Assert.False(host.Services.GetRequiredService<LocalCacheSilo>().IsStarted);
    }

    [Fact]
    public async Task The_key_prefix_and_default_timeout_of_the_section_apply_to_the_grain_cache()
    {
        await using var host = new LocalCacheHost(new() { ["CACHE_KEY_PREFIX"] = "app_", ["CACHE_DEFAULT_TIMEOUT"] = "10" });
        GrainCache backend = host.Backend;

        Assert.Equal("app_", backend.KeyPrefix);
        Assert.True(await host.Cache.SetAsync("k", "v"));
        var unprefixed = new GrainCache(host.Silo.GrainFactory, host.Silo);
        Assert.NotNull(await unprefixed.GetAsync("app_k", CancellationToken.None));
        host.Clock.Advance(11);
        Assert.Null(await host.Cache.GetAsync("k"));
    }

    [Fact]
    public async Task Flask_names_configure_the_silo_storage()
    {
        var values = new Dictionary<string, string?>
        {
            ["Caching:Silo:Storage:CACHE_TYPE"] = "filesystem",
            ["Caching:Silo:Storage:CACHE_DIR"] = _directory.Path,
            ["Caching:Silo:Storage:CACHE_OPTIONS"] = """{"threshold": 0}""",
        };
        await using (var host = new LocalCacheHost(values))
        {
            Assert.True(await host.Cache.SetAsync("kept", 42, timeout: 0));
        }

        var files = new FileSystemCache(new FileSystemCacheOptions { Directory = _directory.Path }, new FakeTimeProvider());
        Assert.Equal("42", System.Text.Encoding.UTF8.GetString((await files.GetAsync("kept", CancellationToken.None))!));
    }

    [Fact]
    public async Task An_unknown_storage_type_names_the_key()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Silo:Storage:Type"] = "Tape" });

        var ex = Assert.Throws<CacheConfigurationException>(() => host.Cache);

        Assert.Contains("Caching:Silo:Storage:Type (CACHE_TYPE) is 'Tape'", ex.Message);
        Assert.Contains("Known backends", ex.Message);
    }

    [Fact]
    public async Task Local_cannot_store_a_silo()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Silo:Storage:Type"] = "Local" });

        var ex = Assert.Throws<CacheConfigurationException>(() => host.Cache);

        Assert.Equal("Caching:Silo:Storage:Type", ex.Key);
    }

    [Fact]
    public async Task A_bad_persistence_mode_names_the_key_and_the_choices()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Silo:Persistence"] = "Sometimes" });

        var ex = Assert.Throws<CacheConfigurationException>(() => host.Cache);

        Assert.Equal("Caching:Silo:Persistence", ex.Key);
        Assert.Contains("'Sometimes'", ex.Message);
        Assert.Contains("WriteBehind", ex.Message);
    }

    [Fact]
    public async Task Invalid_silo_options_name_the_key()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Silo:CollectionQuantum"] = "00:00:00" });

        var ex = Assert.Throws<CacheConfigurationException>(() => host.Cache);

        Assert.Contains("Caching:Silo:CollectionQuantum", ex.Message);
    }

    [Fact]
    public async Task A_silo_option_that_does_not_convert_names_the_section_and_the_key()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Silo:MaxMemoryBytes"] = "lots" });

        var ex = Assert.Throws<CacheConfigurationException>(() => host.Cache);

        Assert.Contains("Caching:Silo", ex.Message);
        Assert.Contains("MaxMemoryBytes", ex.Message);
    }

    [Fact]
    public async Task Named_local_instances_share_the_one_silo_of_the_provider()
    {
        await using var host = new LocalCacheHost(new() { ["Caching:Instances:reports:KeyPrefix"] = "reports_" });
        Cache reports = host.Services.GetRequiredKeyedService<Cache>("reports");

        Assert.True(await reports.SetAsync("k", "r"));
        Assert.True(await host.Cache.SetAsync("k", "d"));

        Assert.Equal("r", await reports.GetAsync<string>("k"));
        Assert.Equal("d", await host.Cache.GetAsync<string>("k"));
        Assert.Equal("r", await host.Cache.GetAsync<string>("reports_k"));
    }

    [Fact]
    public async Task Disposing_the_provider_stops_the_silo()
    {
        var host = new LocalCacheHost();
        LocalCacheSilo silo = host.Silo;
        GrainCache backend = host.Backend;

        await host.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => silo.GrainFactory);
        var rejected = await Assert.ThrowsAsync<GrainCallRejectedException>(async () => await backend.GetAsync("k", CancellationToken.None));
        Assert.Equal(RejectionReason.Unavailable, rejected.Reason);
    }

    [Fact]
    public void A_provider_disposed_synchronously_stops_the_silo_too()
    {
        var services = new ServiceCollection();
        services.AddOrleansCaching(new ConfigurationBuilder().Build());
        LocalCacheSilo silo;
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            Assert.IsType<GrainCache>(provider.GetRequiredService<Cache>().Backend);
            silo = provider.GetRequiredService<LocalCacheSilo>();
        }

        Assert.Throws<ObjectDisposedException>(() => silo.GrainFactory);
    }

    public void Dispose() => _directory.Dispose();
}
