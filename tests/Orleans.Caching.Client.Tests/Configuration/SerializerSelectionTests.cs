using System.Text;
using Microsoft.Extensions.DependencyInjection;
using static Orleans.Caching.Tests.Configuration.CachingTestHost;

namespace Orleans.Caching.Tests.Configuration;

public sealed class SerializerSelectionTests
{
    [Fact]
    public void Without_a_serializer_the_json_serializer_is_used()
    {
        using ServiceProvider services = Build([]);

        Assert.IsType<JsonCacheSerializer>(services.GetRequiredService<Cache>().Serializer);
    }

    [Theory]
    [InlineData("Json")]
    [InlineData("json")]
    [InlineData("JsonCacheSerializer")]
    public void Json_names_the_json_serializer(string name)
    {
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = name });

        Assert.IsType<JsonCacheSerializer>(services.GetRequiredService<Cache>().Serializer);
    }

    [Fact]
    public void An_instance_set_in_code_is_used_as_is_and_beats_configuration()
    {
        var serializer = new CountingSerializer();
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = "Json" }, b => b.UseSerializer(serializer));

        Assert.Same(serializer, services.GetRequiredService<Cache>().Serializer);
    }

    [Fact]
    public void A_type_set_in_code_is_instantiated()
    {
        using ServiceProvider services = Build([], b => b.UseSerializer<CountingSerializer>());

        Assert.IsType<CountingSerializer>(services.GetRequiredService<Cache>().Serializer);
    }

    [Fact]
    public void A_configured_type_name_is_instantiated_for_each_cache()
    {
        using ServiceProvider services = Build(new()
        {
            ["Caching:Serializer"] = typeof(CountingSerializer).AssemblyQualifiedName,
            ["Caching:Instances:other:Type"] = "cachelib.SimpleCache",
        });

        var main = Assert.IsType<CountingSerializer>(services.GetRequiredService<Cache>().Serializer);
        var other = Assert.IsType<CountingSerializer>(services.GetRequiredKeyedService<Cache>("other").Serializer);
        Assert.NotSame(main, other);
    }

    [Fact]
    public async Task The_configured_serializer_is_used_once_for_a_set_and_once_for_a_get()
    {
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = typeof(CountingSerializer).FullName });
        Cache cache = services.GetRequiredService<Cache>();
        var serializer = (CountingSerializer)cache.Serializer;

        await cache.SetAsync("k", 1);
        Assert.Equal(1, await cache.GetAsync<int>("k"));

        Assert.Equal(1, serializer.Dumps);
        Assert.Equal(1, serializer.Loads);
    }

    [Fact]
    public async Task Values_are_stored_in_the_configured_format()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "cachelib.SimpleCache", ["CACHE_SERIALIZER"] = "Json" });
        Cache cache = services.GetRequiredService<Cache>();

        await cache.SetAsync("d", new Dictionary<string, int> { ["a"] = 1 });

        byte[]? stored = await services.GetRequiredService<ICacheBackend>().GetAsync("d", CancellationToken.None);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(stored!));
        Dictionary<string, int>? value = await cache.GetAsync<Dictionary<string, int>>("d");
        Assert.Equal(1, value!["a"]);
    }

    [Fact]
    public void Null_cache_with_a_serializer_warns_mentioning_cache_serializer()
    {
        var logs = new ListLoggerProvider();
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "NullCache", ["CACHE_SERIALIZER"] = "Json", ["CACHE_NO_NULL_WARNING"] = "true" }, logs: logs);

        services.GetRequiredService<Cache>();

        Assert.Contains(logs.Entries, e => e.EventId.Id == 301 && e.Message.Contains("CACHE_SERIALIZER", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_serializer_name_fails_mentioning_cache_serializer()
    {
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = "pickle" });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("Caching:Serializer (CACHE_SERIALIZER) is 'pickle'", ex.Message);
    }

    [Fact]
    public void A_type_that_is_not_a_serializer_fails_mentioning_the_interface()
    {
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = typeof(DuckTypedSerializer).FullName });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("ICacheSerializer", ex.Message);
        Assert.Contains("CACHE_SERIALIZER", ex.Message);
    }

    [Fact]
    public void A_serializer_whose_constructor_needs_arguments_cannot_be_instantiated()
    {
        using ServiceProvider services = Build(new() { ["CACHE_SERIALIZER"] = typeof(SerializerNeedingArguments).FullName });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("Couldn't instantiate serializer", ex.Message);
        Assert.Contains(typeof(SerializerNeedingArguments).FullName!, ex.Message);
    }

    [Fact]
    public void A_bad_serializer_is_rejected_before_the_backend_is_built()
    {
        int before = RecordingFactory.Calls;
        using ServiceProvider services = Build(new()
        {
            ["CACHE_TYPE"] = typeof(RecordingFactory).FullName + ".Create",
            ["CACHE_SERIALIZER"] = typeof(DuckTypedSerializer).FullName,
        });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.Contains("CACHE_SERIALIZER", ex.Message);
        Assert.Equal(before, RecordingFactory.Calls);
    }

    [Fact]
    public void A_bad_serializer_with_a_redis_type_reports_the_serializer()
    {
        using ServiceProvider services = Build(new() { ["CACHE_TYPE"] = "RedisCache", ["CACHE_SERIALIZER"] = "nonsense" });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<Cache>());

        Assert.StartsWith("Invalid cache configuration: Caching:Serializer (CACHE_SERIALIZER) is 'nonsense'", ex.Message);
    }
}
