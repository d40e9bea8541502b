namespace Orleans.Caching.Tests.Configuration;

public sealed class BuiltInBackendOptionsTests
{
    [Fact]
    public void Default_timeout_reaches_the_backend()
    {
        ICacheBackend backend = BackendFactoryTestContext.CreateBackend(new() { ["CACHE_TYPE"] = "cachelib.SimpleCache", ["CACHE_DEFAULT_TIMEOUT"] = "111" });

        Assert.Equal(CacheTimeout.FromSeconds(111), backend.DefaultTimeout);
    }

    [Fact]
    public void Cache_options_override_the_threshold()
    {
        var backend = (SimpleCache)BackendFactoryTestContext.CreateBackend(new()
        {
            ["CACHE_TYPE"] = "cachelib.SimpleCache",
            ["CACHE_THRESHOLD"] = "100",
            ["CACHE_OPTIONS"] = "{\"threshold\": 7}",
        });

        Assert.Equal(7, backend.Threshold);
    }

    [Fact]
    public void Cache_options_accept_snake_case_and_any_case()
    {
        var backend = (SimpleCache)BackendFactoryTestContext.CreateBackend(new()
        {
            ["Caching:Type"] = "SimpleCache",
            ["Caching:Options:default_timeout"] = "12",
            ["Caching:Options:THRESHOLD"] = "3",
            ["Caching:Options:ignore_delete_many_errors"] = "true",
        });

        Assert.Equal(CacheTimeout.FromSeconds(12), backend.DefaultTimeout);
        Assert.Equal(3, backend.Threshold);
        Assert.True(backend.Options.IgnoreDeleteManyErrors);
    }

    [Fact]
    public void An_unknown_cache_option_lists_the_known_ones()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BackendFactoryTestContext.CreateBackend(new() { ["CACHE_OPTIONS"] = "{\"colour\": \"blue\"}" }));

        Assert.Contains("Caching:Options:colour (CACHE_OPTIONS) is 'blue'", ex.Message);
        Assert.Contains("threshold", ex.Message);
        Assert.Contains("default_timeout", ex.Message);
    }

    [Fact]
    public void Simple_cache_args_are_threshold_then_default_timeout()
    {
        var backend = (SimpleCache)BackendFactoryTestContext.CreateBackend(new() { ["CACHE_ARGS"] = "9, 30" });

        Assert.Equal(9, backend.Threshold);
        Assert.Equal(CacheTimeout.FromSeconds(30), backend.DefaultTimeout);
    }

    [Theory]
    [InlineData("CACHE_THRESHOLD", "-1", "Caching:Threshold (CACHE_THRESHOLD) is '-1'")]
    [InlineData("CACHE_THRESHOLD", "many", "Caching:Threshold (CACHE_THRESHOLD) is 'many'")]
    [InlineData("CACHE_DEFAULT_TIMEOUT", "soon", "Caching:DefaultTimeout (CACHE_DEFAULT_TIMEOUT) is 'soon'")]
    [InlineData("CACHE_IGNORE_ERRORS", "maybe", "Caching:IgnoreErrors (CACHE_IGNORE_ERRORS) is 'maybe'")]
    [InlineData("CACHE_OPTIONS", "{\"threshold\": -4}", "Caching:Options:threshold (CACHE_OPTIONS) is '-4'")]
    [InlineData("CACHE_OPTIONS", "{\"default_timeout\": \"x\"}", "Caching:Options:default_timeout (CACHE_OPTIONS) is 'x'")]
    public void Bad_values_fail_naming_the_key_and_the_value(string key, string value, string expected)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BackendFactoryTestContext.CreateBackend(new() { [key] = value }));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void File_system_options_come_from_their_flask_names()
    {
        FileSystemCacheOptions options = BuiltInBackends.BindFileSystemCacheOptions(BackendFactoryTestContext.Create(new()
        {
            ["CACHE_TYPE"] = "FileSystemCache",
            ["CACHE_DIR"] = "/tmp/fs",
            ["CACHE_THRESHOLD"] = "20",
            ["CACHE_FILE_MODE"] = "0640",
            ["CACHE_DEFAULT_TIMEOUT"] = "99",
        }));

        Assert.Equal("/tmp/fs", options.Directory);
        Assert.Equal(20, options.Threshold);
        Assert.Equal((UnixFileMode)0x1A0, options.FileMode);
        Assert.Equal(CacheTimeout.FromSeconds(99), options.DefaultTimeout);
        Assert.Equal("sha256", options.HashMethod);
    }

    [Fact]
    public void File_system_first_arg_is_the_directory()
    {
        FileSystemCacheOptions options = BuiltInBackends.BindFileSystemCacheOptions(BackendFactoryTestContext.Create(new()
        {
            ["CACHE_TYPE"] = "cachelib.FileSystemCache",
            ["CACHE_ARGS"] = "[\"/tmp/from-args\"]",
        }));

        Assert.Equal("/tmp/from-args", options.Directory);
    }

    [Fact]
    public void File_hash_method_is_independent_of_the_key_hash_method()
    {
        FileSystemCacheOptions options = BuiltInBackends.BindFileSystemCacheOptions(BackendFactoryTestContext.Create(new()
        {
            ["CACHE_TYPE"] = "FileSystemCache",
            ["CACHE_DIR"] = "/tmp/fs",
            ["CACHE_HASH_METHOD"] = "md5",
        }));

        Assert.Equal("sha256", options.HashMethod);
    }

    [Fact]
    public void File_system_cache_without_a_directory_fails_naming_cache_dir()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BackendFactoryTestContext.CreateBackend(new() { ["CACHE_TYPE"] = "FileSystemCache" }));

        Assert.Contains("needs a directory", ex.Message);
        Assert.Contains("Caching:Dir (CACHE_DIR)", ex.Message);
    }

    [Theory]
    [InlineData("CACHE_FILE_MODE", "600", "Caching:FileMode (CACHE_FILE_MODE) is '600'")]
    [InlineData("CACHE_FILE_MODE", "rw", "Caching:FileMode (CACHE_FILE_MODE) is 'rw'")]
    [InlineData("CACHE_FILE_HASH_METHOD", "crc32", "Caching:FileHashMethod (CACHE_FILE_HASH_METHOD) is 'crc32'")]
    public void Bad_file_system_values_fail_naming_the_key_and_the_value(string key, string value, string expected)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BuiltInBackends.BindFileSystemCacheOptions(
            BackendFactoryTestContext.Create(new() { ["CACHE_TYPE"] = "FileSystemCache", ["CACHE_DIR"] = "/tmp/fs", [key] = value })));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Passwords_never_appear_in_messages()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BackendFactoryTestContext.CreateBackend(new() { ["CACHE_OPTIONS"] = "{\"password\": \"hunter2\"}" }));

        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.Contains("***", ex.Message);
    }
}
