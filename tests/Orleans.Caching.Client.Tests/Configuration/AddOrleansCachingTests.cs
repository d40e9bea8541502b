using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Orleans.Caching.Tests.Configuration.CachingTestHost;

namespace Orleans.Caching.Tests.Configuration;

public sealed class AddOrleansCachingTests
{
    [Fact]
    public void Without_a_type_the_backend_is_local_which_needs_the_silo_package()
    {
        using ServiceProvider services = new ServiceCollection().AddOrleansCaching(new ConfigurationBuilder().Build()).Services.BuildServiceProvider();

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("Caching:Type (CACHE_TYPE) is 'Local'", ex.Message);
        Assert.Contains("the Orleans.Caching.Silo package", ex.Message);
    }

    [Fact]
    public void The_simple_cache_is_the_backend_and_the_cache_backend_service()
    {
        using ServiceProvider services = Build([]);

        Assert.IsType<SimpleCache>(services.GetRequiredService<ICacheBackend>());
        Assert.Same(services.GetRequiredService<Cache>().Backend, services.GetRequiredService<ICacheBackend>());
    }

    [Fact]
    public void The_section_type_is_kept()
    {
        using ServiceProvider services = Build(new() { ["Caching:CACHE_TYPE"] = "SimpleCache" });

        Assert.IsType<SimpleCache>(services.GetRequiredService<Cache>().Backend);
    }

    [Fact]
    public void Code_settings_alone_configure_the_cache()
    {
        var collection = new ServiceCollection();
        collection.AddOrleansCaching(s => s.Type = "NullCache");
        using ServiceProvider services = collection.BuildServiceProvider();

        Assert.IsType<NullCache>(services.GetRequiredService<Cache>().Backend);
    }

    [Fact]
    public void Code_settings_beat_the_section_which_beats_root_aliases()
    {
        IConfiguration configuration = Config(new()
        {
            ["CACHE_TYPE"] = "FileSystemCache",
            ["CACHE_DEFAULT_TIMEOUT"] = "1",
            ["CACHE_KEY_PREFIX"] = "root_",
            ["Caching:CACHE_TYPE"] = "NullCache",
            ["Caching:DefaultTimeout"] = "2",
        });
        var collection = new ServiceCollection();
        collection.AddOrleansCaching(configuration, s => s.Type = "SimpleCache");
        using ServiceProvider services = collection.BuildServiceProvider();

        var backend = Assert.IsType<SimpleCache>(services.GetRequiredService<ICacheBackend>());
        Assert.Equal(CacheTimeout.FromSeconds(2), backend.DefaultTimeout);
        Assert.Equal("root_", backend.KeyPrefix);
    }

    [Fact]
    public void A_later_registration_wins_over_an_earlier_one()
    {
        var collection = new ServiceCollection();
        collection.AddOrleansCaching(Config(new() { ["CACHE_TYPE"] = "NullCache" }));
        collection.AddOrleansCaching(s => s.Type = "SimpleCache");
        using ServiceProvider services = collection.BuildServiceProvider();

        Assert.IsType<SimpleCache>(services.GetRequiredService<Cache>().Backend);
        Assert.Single(collection, d => d.ServiceType == typeof(Cache) && !d.IsKeyedService);
    }

    [Fact]
    public void An_environment_variable_selects_the_backend()
    {
        string prefix = "OCCLIENT_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "CACHE_TYPE", "NullCache");
        Environment.SetEnvironmentVariable(prefix + "CACHE_NO_NULL_WARNING", "true");
        try
        {
            IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using ServiceProvider services = new ServiceCollection().AddOrleansCaching(configuration).Services.BuildServiceProvider();

            Assert.IsType<NullCache>(services.GetRequiredService<ICacheBackend>());
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "CACHE_TYPE", null);
            Environment.SetEnvironmentVariable(prefix + "CACHE_NO_NULL_WARNING", null);
        }
    }

    [Fact]
    public void Json_configuration_with_flask_names_binds_the_facade_options()
    {
        using var json = new MemoryStream("""{"Caching": {"CACHE_TYPE": "SimpleCache", "CACHE_HASH_METHOD": "md5", "SourceCheck": true, "CACHE_ENABLE_SIGNALS": "True", "Debug": true}}"""u8.ToArray());
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(json).Build();
        using ServiceProvider services = new ServiceCollection().AddOrleansCaching(configuration).Services.BuildServiceProvider();

        Cache cache = services.GetRequiredService<Cache>();

        Assert.Equal("md5", cache.HashMethod.Name);
        Assert.True(cache.Options.SourceCheck);
        Assert.True(cache.Options.EnableSignals);
        Assert.True(cache.Options.Debug);
    }

    [Fact]
    public void A_custom_factory_function_builds_the_backend()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = typeof(NewSimple).FullName + ".Create" });

        var backend = Assert.IsType<SimpleCache>(services.GetRequiredService<Cache>().Backend);
        Assert.Equal("newsimple_", backend.KeyPrefix);
    }

    [Fact]
    public void A_cache_subclass_can_be_built_over_the_configured_backend()
    {
        var collection = new ServiceCollection();
        collection.AddOrleansCaching(Config(new() { ["CACHE_TYPE"] = "SimpleCache" }));
        collection.AddSingleton(sp => new CustomCache(sp.GetRequiredService<ICacheBackend>()));
        using ServiceProvider services = collection.BuildServiceProvider();

        Assert.IsType<SimpleCache>(services.GetRequiredService<CustomCache>().Backend);
    }

    [Fact]
    public void An_invalid_hash_method_fails_at_registration_mentioning_cache_hash_method()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => new ServiceCollection().AddOrleansCaching(Config(new() { ["CACHE_HASH_METHOD"] = "sha3" })));

        Assert.Contains("CACHE_HASH_METHOD", ex.Message);
        Assert.Contains("'sha3'", ex.Message);
    }

    [Fact]
    public void An_invalid_hash_method_set_in_code_fails_when_the_cache_is_resolved()
    {
        var collection = new ServiceCollection();
        collection.AddOrleansCaching(Config([]));
        collection.Configure<CacheOptions>(o => o.HashMethod = "whirlpool");
        using ServiceProvider services = collection.BuildServiceProvider();

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("Caching:HashMethod (CACHE_HASH_METHOD) is 'whirlpool'", ex.Message);
    }

    [Fact]
    public void A_negative_threshold_fails_at_registration_naming_key_and_value()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => new ServiceCollection().AddOrleansCaching(Config(new() { ["Caching:Threshold"] = "-3" })));

        Assert.Contains("Caching:Threshold (CACHE_THRESHOLD) is '-3'", ex.Message);
    }

    [Fact]
    public void An_unknown_type_fails_when_the_cache_is_resolved_listing_known_backends()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "MongoCache" });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("Caching:Type (CACHE_TYPE) is 'MongoCache'", ex.Message);
        Assert.Contains("Known backends: Cluster, FileSystemCache, NullCache, SimpleCache", ex.Message);
    }

    [Fact]
    public void An_unknown_type_fails_start_validation()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "RedisCache" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("the RedisCache backend is provided by the Orleans.Caching.Backends.Redis package", ex.Message);
    }

    [Fact]
    public void A_backend_registered_on_the_builder_is_selectable_by_name()
    {
        var built = new SimpleCache();
        using ServiceProvider services = Build(
            new() { ["CACHE_TYPE"] = "flask_caching.backends.RedisCache" },
            b => b.AddBackend("RedisCache", _ => built, "redis"));

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(built, services.GetRequiredService<ICacheBackend>());
    }

    [Fact]
    public void Null_cache_warns_unless_silenced()
    {
        var logs = new ListLoggerProvider();
        using (ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "NullCache" }, logs: logs))
        {
            services.GetRequiredService<Cache>();
        }

        var quiet = new ListLoggerProvider();
        using (ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "NullCache", ["CACHE_NO_NULL_WARNING"] = "true" }, logs: quiet))
        {
            services.GetRequiredService<Cache>();
        }

        Assert.Contains(logs.Entries, e => e.EventId.Id == 300 && e.Message.Contains("CACHE_NO_NULL_WARNING", StringComparison.Ordinal));
        Assert.DoesNotContain(quiet.Entries, e => e.EventId.Id == 300);
    }
}
