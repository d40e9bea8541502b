using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Orleans.Caching.Backends.Redis;

/// <summary>Binds the Redis options from a normalized section (<c>Redis:*</c>, which <c>CACHE_REDIS_*</c> map to) and <c>CACHE_ARGS</c>
/// (cachelib's <c>RedisCache(host, port, password, db, default_timeout, key_prefix)</c>); <c>CACHE_OPTIONS</c> apply last.</summary>
internal static class RedisOptionsBinder
{
    public static TOptions Bind<TOptions>(CacheBackendFactoryContext context)
        where TOptions : RedisCacheOptions, new()
        => context.CreateOptions<TOptions>(options =>
        {
            IConfiguration configuration = context.Configuration;
            if (configuration["KeyPrefix"] is null)
            {
                options.KeyPrefix = RedisCacheOptions.FlaskKeyPrefix;
            }

            IConfigurationSection redis = configuration.GetSection("Redis");
            options.Host = NonEmpty(redis["Host"]) ?? options.Host;
            options.Port = Int(context, redis, "Port", options.Port, 1, 65535);
            options.Password = NonEmpty(redis["Password"]) ?? options.Password;
            options.Db = Int(context, redis, "Db", options.Db, 0, int.MaxValue);
            options.Url = NonEmpty(redis["Url"]) ?? options.Url;
            options.Ssl = Bool(context, redis, "Ssl", options.Ssl);
            options.SslCaCertificates = NonEmpty(redis["SslCaCertificates"]) ?? options.SslCaCertificates;
            options.SslAllowUntrustedCertificate = Bool(context, redis, "SslAllowUntrustedCertificate", options.SslAllowUntrustedCertificate);
            foreach (IConfigurationSection option in redis.GetSection("Options").GetChildren())
            {
                if (option.Value is not null)
                {
                    options.ClientOptions[option.Key] = option.Value;
                }
            }

            BindArgs(context, options);
            switch (options)
            {
                case RedisSentinelCacheOptions sentinel:
                    BindSentinel(context, redis, sentinel);
                    break;
                case RedisClusterCacheOptions cluster:
                    cluster.Cluster = NonEmpty(redis["Cluster"]) ?? cluster.Cluster;
                    break;
            }
        });

    private static void BindArgs(CacheBackendFactoryContext context, RedisCacheOptions options)
    {
        IReadOnlyList<string> args = context.Args;
        if (args.Count > 0)
        {
            options.Host = args[0];
        }

        if (args.Count > 1)
        {
            options.Port = ParseInt(context, "Args:1", args[1], 1, 65535);
        }

        if (args.Count > 2)
        {
            options.Password = NonEmpty(args[2]);
        }

        if (args.Count > 3)
        {
            options.Db = ParseInt(context, "Args:3", args[3], 0, int.MaxValue);
        }

        if (args.Count > 4)
        {
            options.DefaultTimeout = CacheTimeout.Parse(args[4]);
        }

        if (args.Count > 5)
        {
            options.KeyPrefix = args[5];
        }
    }

    private static void BindSentinel(CacheBackendFactoryContext context, IConfigurationSection redis, RedisSentinelCacheOptions options)
    {
        IConfigurationSection sentinels = redis.GetSection("Sentinels");
        IEnumerable<string?> listed = sentinels.Value is { } text ? text.Split(',') : sentinels.GetChildren().Select(child => child.Value);
        foreach (string? sentinel in listed)
        {
            if (!string.IsNullOrWhiteSpace(sentinel))
            {
                options.Sentinels.Add(sentinel.Trim());
            }
        }

        options.SentinelMaster = NonEmpty(redis["SentinelMaster"]) ?? options.SentinelMaster;
        options.SentinelPassword = NonEmpty(redis["SentinelPassword"]) ?? options.SentinelPassword;
        options.ReadFromReplicas = Bool(context, redis, "ReadFromReplicas", options.ReadFromReplicas);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int Int(CacheBackendFactoryContext context, IConfigurationSection redis, string key, int defaultValue, int min, int max)
        => NonEmpty(redis[key]) is { } text ? ParseInt(context, "Redis:" + key, text, min, max) : defaultValue;

    private static bool Bool(CacheBackendFactoryContext context, IConfigurationSection redis, string key, bool defaultValue)
        => NonEmpty(redis[key]) is not { } text ? defaultValue
            : bool.TryParse(text, out bool value) ? value
            : throw Invalid(context, "Redis:" + key, text, "it must be true or false");

    private static int ParseInt(CacheBackendFactoryContext context, string key, string text, int min, int max)
        => int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw Invalid(context, key, text, $"it must be a whole number from {min} to {max}");

    private static CacheConfigurationException Invalid(CacheBackendFactoryContext context, string key, string value, string reason)
        => new($"{context.SectionPath}:{key}",
            $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(context.SectionPath, key)} is '{value}'; {reason}.", null);
}
