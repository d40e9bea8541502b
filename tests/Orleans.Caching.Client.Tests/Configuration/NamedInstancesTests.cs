using Microsoft.Extensions.DependencyInjection;
using static Orleans.Caching.Tests.Configuration.CachingTestHost;

namespace Orleans.Caching.Tests.Configuration;

public sealed class NamedInstancesTests
{
    [Fact]
    public void Configured_instances_have_their_own_backends_and_fall_back_to_the_parent()
    {
        using ServiceProvider services = Build(new()
        {
            ["Caching:Type"] = "SimpleCache",
            ["Caching:DefaultTimeout"] = "50",
            ["Caching:KeyPrefix"] = "main_",
            ["Caching:Instances:foo:CACHE_KEY_PREFIX"] = "foo",
            ["Caching:Instances:bar:KeyPrefix"] = "bar",
            ["Caching:Instances:off:Type"] = "NullCache",
            ["Caching:Instances:off:NoNullWarning"] = "true",
        });

        var foo = (SimpleCache)services.GetRequiredKeyedService<Cache>("foo").Backend;
        var bar = (SimpleCache)services.GetRequiredKeyedService<Cache>("bar").Backend;

        Assert.Equal("foo", foo.KeyPrefix);
        Assert.Equal("bar", bar.KeyPrefix);
        Assert.Equal(CacheTimeout.FromSeconds(50), foo.DefaultTimeout);
        Assert.NotSame(foo, bar);
        Assert.Equal("main_", ((SimpleCache)services.GetRequiredService<ICacheBackend>()).KeyPrefix);
        Assert.IsType<NullCache>(services.GetRequiredKeyedService<ICacheBackend>("off"));
    }

    [Fact]
    public async Task Values_written_to_one_instance_are_not_seen_by_another()
    {
        using ServiceProvider services = Build(new() { ["Caching:Instances:a:Type"] = "SimpleCache", ["Caching:Instances:b:Type"] = "SimpleCache" });
        ICacheProvider provider = services.GetRequiredService<ICacheProvider>();

        Assert.True(await provider.GetCache("a").SetAsync("k", "v"));

        Assert.Equal("v", await provider.GetCache("a").GetAsync<string>("k"));
        Assert.Null(await provider.GetCache("b").GetAsync<string>("k"));
        Assert.Null(await services.GetRequiredService<Cache>().GetAsync<string>("k"));
    }

    [Fact]
    public void The_provider_and_keyed_services_return_the_same_cache()
    {
        using ServiceProvider services = Build(new() { ["Caching:Instances:reports:DefaultTimeout"] = "10" });

        Cache keyed = services.GetRequiredKeyedService<Cache>("reports");

        Assert.Same(keyed, services.GetRequiredService<ICacheProvider>().GetCache("reports"));
        Assert.Same(services.GetRequiredService<Cache>(), services.GetRequiredService<ICacheProvider>().GetCache(string.Empty));
        Assert.Equal(["reports"], services.GetRequiredService<ICacheProvider>().Names);
    }

    [Fact]
    public void Instances_added_in_code_use_their_own_section_or_settings()
    {
        using ServiceProvider services = Build(
            new() { ["Other:CACHE_TYPE"] = "NullCache", ["Other:CACHE_NO_NULL_WARNING"] = "1", ["Caching:DefaultTimeout"] = "33" },
            b => b.AddCache("fromSection", Config(new() { ["CACHE_TYPE"] = "NullCache", ["NoNullWarning"] = "yes" }))
                  .AddCache("fromCode", s => s.Threshold = 4));

        Assert.IsType<NullCache>(services.GetRequiredKeyedService<Cache>("fromSection").Backend);
        var fromCode = Assert.IsType<SimpleCache>(services.GetRequiredKeyedService<Cache>("fromCode").Backend);
        Assert.Equal(4, fromCode.Threshold);
        Assert.Equal(CacheTimeout.FromSeconds(33), fromCode.DefaultTimeout);
    }

    [Fact]
    public void Each_instance_has_its_own_hash_method()
    {
        using ServiceProvider services = Build(new() { ["CACHE_HASH_METHOD"] = "md5", ["Caching:Instances:strong:HashMethod"] = "sha512" });

        Assert.Equal("md5", services.GetRequiredService<Cache>().HashMethod.Name);
        Assert.Equal("sha512", services.GetRequiredKeyedService<Cache>("strong").HashMethod.Name);
    }

    [Fact]
    public void An_unknown_instance_name_lists_the_known_ones()
    {
        using ServiceProvider services = Build(new() { ["Caching:Instances:one:Type"] = "SimpleCache" });

        var ex = Assert.Throws<CacheConfigurationException>(() => services.GetRequiredService<ICacheProvider>().GetCache("two"));

        Assert.Contains("'two'", ex.Message);
        Assert.Contains("Named instances: one", ex.Message);
    }

    [Fact]
    public void A_bad_value_in_an_instance_names_the_instance_key()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => Build(new() { ["Caching:Instances:slow:DefaultTimeout"] = "forever" }));

        Assert.Contains("Caching:Instances:slow:DefaultTimeout (CACHE_DEFAULT_TIMEOUT) is 'forever'", ex.Message);
    }
}
