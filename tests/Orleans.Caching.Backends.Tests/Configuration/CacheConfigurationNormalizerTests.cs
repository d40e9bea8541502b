using Microsoft.Extensions.Configuration;

namespace Orleans.Caching.Tests.Configuration;

public sealed class CacheConfigurationNormalizerTests
{
    [Fact]
    public void Every_flask_name_maps_to_its_canonical_key()
    {
        IConfiguration normalized = Normalize(new()
        {
            ["Caching:CACHE_TYPE"] = "SimpleCache",
            ["Caching:CACHE_DEFAULT_TIMEOUT"] = "111",
            ["Caching:CACHE_IGNORE_ERRORS"] = "true",
            ["Caching:CACHE_THRESHOLD"] = "7",
            ["Caching:CACHE_KEY_PREFIX"] = "p_",
            ["Caching:CACHE_DIR"] = "/tmp/c",
            ["Caching:CACHE_FILE_MODE"] = "0600",
            ["Caching:CACHE_FILE_HASH_METHOD"] = "md5",
            ["Caching:CACHE_HASH_METHOD"] = "sha1",
            ["Caching:CACHE_SOURCE_CHECK"] = "true",
            ["Caching:CACHE_ENABLE_SIGNALS"] = "true",
            ["Caching:CACHE_SERIALIZER"] = "Json",
            ["Caching:CACHE_NO_NULL_WARNING"] = "true",
            ["Caching:CACHE_REDIS_HOST"] = "localhost",
            ["Caching:CACHE_REDIS_PORT"] = "6360",
            ["Caching:CACHE_REDIS_DB"] = "2",
            ["Caching:CACHE_REDIS_URL"] = "redis://localhost:6360/2",
            ["Caching:CACHE_REDIS_SENTINEL_MASTER"] = "mymaster",
            ["Caching:CACHE_REDIS_CLUSTER"] = "h1:1,h2:2",
            ["Caching:CACHE_MEMCACHED_SERVERS"] = "127.0.0.1:11212",
            ["Caching:CACHE_MEMCACHED_USERNAME"] = "user",
        });

        Assert.Equal("SimpleCache", normalized["Type"]);
        Assert.Equal("111", normalized["DefaultTimeout"]);
        Assert.Equal("true", normalized["IgnoreErrors"]);
        Assert.Equal("7", normalized["Threshold"]);
        Assert.Equal("p_", normalized["KeyPrefix"]);
        Assert.Equal("/tmp/c", normalized["Dir"]);
        Assert.Equal("0600", normalized["FileMode"]);
        Assert.Equal("md5", normalized["FileHashMethod"]);
        Assert.Equal("sha1", normalized["HashMethod"]);
        Assert.Equal("true", normalized["SourceCheck"]);
        Assert.Equal("true", normalized["EnableSignals"]);
        Assert.Equal("Json", normalized["Serializer"]);
        Assert.Equal("true", normalized["NoNullWarning"]);
        Assert.Equal("localhost", normalized["Redis:Host"]);
        Assert.Equal("6360", normalized["Redis:Port"]);
        Assert.Equal("2", normalized["Redis:Db"]);
        Assert.Equal("redis://localhost:6360/2", normalized["Redis:Url"]);
        Assert.Equal("mymaster", normalized["Redis:SentinelMaster"]);
        Assert.Equal("h1:1,h2:2", normalized["Redis:Cluster"]);
        Assert.Equal("127.0.0.1:11212", normalized["Memcached:Servers"]);
        Assert.Equal("user", normalized["Memcached:Username"]);
        Assert.Null(normalized["CACHE_TYPE"]);
    }

    [Fact]
    public void Canonical_key_beats_section_alias_which_beats_root_alias()
    {
        IConfiguration normalized = Normalize(new()
        {
            ["CACHE_TYPE"] = "NullCache",
            ["CACHE_DEFAULT_TIMEOUT"] = "1",
            ["CACHE_THRESHOLD"] = "3",
            ["Caching:CACHE_DEFAULT_TIMEOUT"] = "2",
            ["Caching:CACHE_TYPE"] = "FileSystemCache",
            ["Caching:Type"] = "SimpleCache",
        });

        Assert.Equal("SimpleCache", normalized["Type"]);
        Assert.Equal("2", normalized["DefaultTimeout"]);
        Assert.Equal("3", normalized["Threshold"]);
    }

    [Fact]
    public void A_later_source_wins_whichever_name_it_uses()
    {
        // appsettings.json says Caching:Type, the environment (added later) says CACHE_TYPE: the environment wins.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Type"] = "SimpleCache", ["Caching:Threshold"] = "4" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CACHE_TYPE"] = "NullCache" })
            .Build();

        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration);

        Assert.Equal("NullCache", normalized["Type"]);
        Assert.Equal("4", normalized["Threshold"]);
    }

    [Fact]
    public void An_earlier_source_loses_to_a_later_canonical_key()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CACHE_TYPE"] = "NullCache", ["Caching:CACHE_THRESHOLD"] = "9" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Type"] = "FileSystemCache" })
            .Build();

        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration);

        Assert.Equal("FileSystemCache", normalized["Type"]);
        Assert.Equal("9", normalized["Threshold"]);
    }

    [Fact]
    public void Values_set_in_code_beat_configuration()
    {
        IConfiguration configuration = Build(new() { ["Caching:Type"] = "NullCache", ["Caching:DefaultTimeout"] = "5" });
        var settings = new CacheSettings { Type = "SimpleCache" };

        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration, settings.ToOverrides());

        Assert.Equal("SimpleCache", normalized["Type"]);
        Assert.Equal("5", normalized["DefaultTimeout"]);
    }

    [Fact]
    public void Root_aliases_are_ignored_when_given_the_caching_section_itself()
    {
        IConfiguration configuration = Build(new() { ["CACHE_TYPE"] = "NullCache", ["Caching:CACHE_THRESHOLD"] = "9" });

        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration.GetSection("Caching"));

        Assert.Null(normalized["Type"]);
        Assert.Equal("9", normalized["Threshold"]);
    }

    [Fact]
    public void Options_given_as_json_text_become_keys()
    {
        IConfiguration normalized = Normalize(new() { ["CACHE_OPTIONS"] = "{\"threshold\": 7, \"default_timeout\": 60, \"flag\": true}" });

        Assert.Equal("7", normalized["Options:threshold"]);
        Assert.Equal("60", normalized["Options:default_timeout"]);
        Assert.Equal("true", normalized["Options:flag"]);
    }

    [Fact]
    public void Options_merge_key_by_key_across_layers()
    {
        IConfiguration normalized = Normalize(new()
        {
            ["CACHE_OPTIONS"] = "{\"threshold\": 7, \"default_timeout\": 60}",
            ["Caching:Options:threshold"] = "8",
        });

        Assert.Equal("8", normalized["Options:threshold"]);
        Assert.Equal("60", normalized["Options:default_timeout"]);
    }

    [Fact]
    public void Options_text_that_is_not_a_json_object_names_the_key_and_value()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => Normalize(new() { ["Caching:CACHE_OPTIONS"] = "threshold=7" }));

        Assert.Contains("CACHE_OPTIONS", ex.Message);
        Assert.Contains("threshold=7", ex.Message);
    }

    [Theory]
    [InlineData("[\"/tmp/a\", 5]")]
    [InlineData("/tmp/a, 5")]
    public void Args_given_as_text_become_an_array(string text)
    {
        IConfiguration normalized = Normalize(new() { ["CACHE_ARGS"] = text });

        Assert.Equal("/tmp/a", normalized["Args:0"]);
        Assert.Equal("5", normalized["Args:1"]);
    }

    [Fact]
    public void Args_of_a_higher_layer_replace_lower_args_whole()
    {
        IConfiguration normalized = Normalize(new()
        {
            ["CACHE_ARGS"] = "a,b,c",
            ["Caching:Args:0"] = "x",
        });

        Assert.Equal("x", normalized["Args:0"]);
        Assert.Null(normalized["Args:1"]);
    }

    [Fact]
    public void Instances_inherit_parent_keys_and_override_them()
    {
        IConfiguration configuration = Build(new()
        {
            ["Caching:Type"] = "SimpleCache",
            ["Caching:DefaultTimeout"] = "50",
            ["Caching:Instances:files:CACHE_TYPE"] = "FileSystemCache",
            ["Caching:Instances:files:Dir"] = "/tmp/files",
        });
        IConfiguration parent = CacheConfigurationNormalizer.Normalize(configuration);
        IConfigurationSection section = Assert.Single(CacheConfigurationNormalizer.GetInstanceSections(configuration));

        IConfiguration instance = CacheConfigurationNormalizer.NormalizeInstance(parent, section, section.Key);

        Assert.Equal("files", section.Key);
        Assert.Null(parent["Instances:files:Type"]);
        Assert.Equal("FileSystemCache", instance["Type"]);
        Assert.Equal("/tmp/files", instance["Dir"]);
        Assert.Equal("50", instance["DefaultTimeout"]);
    }

    [Fact]
    public void Environment_variables_are_read_as_aliases_at_the_root()
    {
        string prefix = "OCTEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "CACHE_TYPE", "NullCache");
        Environment.SetEnvironmentVariable(prefix + "CACHE_OPTIONS", "{\"threshold\": 7}");
        Environment.SetEnvironmentVariable(prefix + "Caching__DefaultTimeout", "42");
        try
        {
            IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            IConfiguration normalized = CacheConfigurationNormalizer.Normalize(configuration);

            Assert.Equal("NullCache", normalized["Type"]);
            Assert.Equal("7", normalized["Options:threshold"]);
            Assert.Equal("42", normalized["DefaultTimeout"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "CACHE_TYPE", null);
            Environment.SetEnvironmentVariable(prefix + "CACHE_OPTIONS", null);
            Environment.SetEnvironmentVariable(prefix + "Caching__DefaultTimeout", null);
        }
    }

    private static IConfiguration Normalize(Dictionary<string, string?> values) => CacheConfigurationNormalizer.Normalize(Build(values));

    private static IConfiguration Build(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
