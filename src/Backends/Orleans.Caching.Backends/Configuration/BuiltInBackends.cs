using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>The backends of this package (Null, Simple, FileSystem) and the names other packages provide.</summary>
/// <remarks>Positional <c>CACHE_ARGS</c> follow cachelib's constructors: <c>SimpleCache(threshold, default_timeout)</c>,
/// <c>FileSystemCache(cache_dir, threshold, default_timeout, mode, hash_method)</c>, <c>NullCache(default_timeout)</c>.</remarks>
internal static class BuiltInBackends
{
    private const string RedisPackage = "the Orleans.Caching.Backends.Redis package";
    private const string MemcachedPackage = "the Orleans.Caching.Backends.Memcached package";

    private static readonly Dictionary<string, string> s_fileSystemOptionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cache_dir"] = nameof(FileSystemCacheOptions.Directory),
        ["dir"] = nameof(FileSystemCacheOptions.Directory),
        ["mode"] = nameof(FileSystemCacheOptions.FileMode),
        ["hash_method"] = nameof(FileSystemCacheOptions.HashMethod),
    };

    /// <summary>Gets the assembly names of the packages that provide the names of <see cref="ProvidedElsewhere"/>; a registry loads
    /// them when the application ships them, so their <see cref="CacheBackendProviderAttribute"/> registers those names.</summary>
    public static IReadOnlyList<string> ProviderAssemblies { get; } = ["Orleans.Caching.Client", "Orleans.Caching.Silo", "Orleans.Caching.Backends.Redis", "Orleans.Caching.Backends.Memcached"];

    /// <summary>Gets the names known to Flask-Caching whose backend lives in another package: (name or alias, canonical name, provider).</summary>
    public static IReadOnlyList<(string Alias, string Name, string ProvidedBy)> ProvidedElsewhere { get; } =
    [
        ("RedisCache", "RedisCache", RedisPackage),
        ("redis", "RedisCache", RedisPackage),
        ("RedisSentinelCache", "RedisSentinelCache", RedisPackage),
        ("redissentinel", "RedisSentinelCache", RedisPackage),
        ("RedisClusterCache", "RedisClusterCache", RedisPackage),
        ("rediscluster", "RedisClusterCache", RedisPackage),
        ("MemcachedCache", "MemcachedCache", MemcachedPackage),
        ("memcached", "MemcachedCache", MemcachedPackage),
        ("SASLMemcachedCache", "SASLMemcachedCache", MemcachedPackage),
        ("saslmemcached", "SASLMemcachedCache", MemcachedPackage),
        ("SpreadSASLMemcachedCache", "SpreadSASLMemcachedCache", MemcachedPackage),
        ("spreadsaslmemcached", "SpreadSASLMemcachedCache", MemcachedPackage),
        ("Local", "Local", "the Orleans.Caching.Silo package (an embedded silo in this process)"),
        ("Cluster", "Cluster", "the Orleans.Caching cluster client (remote silos)"),
    ];

    public static void Register(CacheBackendRegistry registry)
    {
        registry.Add("NullCache", CreateNullCache, "null");
        registry.Add("SimpleCache", CreateSimpleCache, "simple");
        registry.Add("FileSystemCache", context => CreateFileSystemCache(context, BindFileSystemCacheOptions(context)), "filesystem");
    }

    public static CacheBackendOptions BindNullCacheOptions(CacheBackendFactoryContext context)
        => context.CreateOptions<CacheBackendOptions>(options =>
        {
            if (context.Args.Count > 0)
            {
                options.DefaultTimeout = CacheConfigurationReader.ParseTimeout(context.Args[0], Arg(context, 0, "default_timeout"), ArgKey(context, 0));
            }
        });

    public static ICacheBackend CreateNullCache(CacheBackendFactoryContext context) => new NullCache(BindNullCacheOptions(context), context.TimeProvider);

    public static SimpleCacheOptions BindSimpleCacheOptions(CacheBackendFactoryContext context)
    {
        SimpleCacheOptions result = context.CreateOptions<SimpleCacheOptions>(options =>
        {
            options.Threshold = context.Reader.GetInt32("Threshold", SimpleCacheOptions.DefaultThreshold, min: 0);
            if (context.Args.Count > 0)
            {
                options.Threshold = CacheConfigurationReader.ParseInt32(context.Args[0], Arg(context, 0, "threshold"), ArgKey(context, 0), min: 0);
            }

            if (context.Args.Count > 1)
            {
                options.DefaultTimeout = CacheConfigurationReader.ParseTimeout(context.Args[1], Arg(context, 1, "default_timeout"), ArgKey(context, 1));
            }
        });
        CheckThreshold(context, result.Threshold);
        return result;
    }

    public static ICacheBackend CreateSimpleCache(CacheBackendFactoryContext context) => new SimpleCache(BindSimpleCacheOptions(context), context.TimeProvider);

    public static FileSystemCacheOptions BindFileSystemCacheOptions(CacheBackendFactoryContext context)
    {
        CacheConfigurationReader reader = context.Reader;
        FileSystemCacheOptions result = context.CreateOptions<FileSystemCacheOptions>(
            options =>
            {
                options.Directory = reader.GetNonEmptyString("Dir");
                options.Threshold = reader.GetInt32("Threshold", options.Threshold, min: 0);
                options.FileMode = (UnixFileMode)reader.GetFileMode("FileMode", (int)options.FileMode);
                options.HashMethod = reader.GetHashMethodName("FileHashMethod", options.HashMethod);
                IReadOnlyList<string> args = context.Args;
                if (args.Count > 0)
                {
                    options.Directory = args[0];
                }

                if (args.Count > 1)
                {
                    options.Threshold = CacheConfigurationReader.ParseInt32(args[1], Arg(context, 1, "threshold"), ArgKey(context, 1), min: 0);
                }

                if (args.Count > 2)
                {
                    options.DefaultTimeout = CacheConfigurationReader.ParseTimeout(args[2], Arg(context, 2, "default_timeout"), ArgKey(context, 2));
                }

                if (args.Count > 3)
                {
                    options.FileMode = (UnixFileMode)CacheConfigurationReader.ParseFileMode(args[3], Arg(context, 3, "mode"), ArgKey(context, 3));
                }

                if (args.Count > 4)
                {
                    options.HashMethod = args[4];
                }
            },
            s_fileSystemOptionNames);
        CheckThreshold(context, result.Threshold);
        result.HashMethod = CacheConfigurationReader.ParseHashMethod(result.HashMethod, reader.Describe("FileHashMethod"), reader.FullKey("FileHashMethod")).Name;
        if (string.IsNullOrWhiteSpace(result.Directory))
        {
            throw new CacheConfigurationException(
                reader.FullKey("Dir"),
                $"Invalid cache configuration: FileSystemCache needs a directory; set {reader.Describe("Dir")} or pass it as the first of {reader.Describe("Args")}.",
                null);
        }

        return result;
    }

    /// <summary>Builds the FileSystem backend from its resolved options.</summary>
    /// <param name="context">The factory context.</param>
    /// <param name="options">The resolved options.</param>
    /// <returns>The backend.</returns>
    public static ICacheBackend CreateFileSystemCache(CacheBackendFactoryContext context, FileSystemCacheOptions options)
        => new FileSystemCache(options, context.TimeProvider, context.LoggerFactory.CreateLogger<FileSystemCache>());

    private static void CheckThreshold(CacheBackendFactoryContext context, int threshold)
    {
        if (threshold < 0)
        {
            throw CacheConfigurationReader.Invalid(context.Reader.FullKey("Options:threshold"), $"{context.Reader.FullKey("Options:threshold")} (CACHE_OPTIONS)",
                threshold.ToString(System.Globalization.CultureInfo.InvariantCulture), "it must be 0 or greater");
        }
    }

    private static string ArgKey(CacheBackendFactoryContext context, int index) => context.Reader.FullKey($"Args:{index}");

    private static string Arg(CacheBackendFactoryContext context, int index, string parameter) => $"{ArgKey(context, index)} (CACHE_ARGS, {parameter})";
}
