using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching;
using Orleans.Caching.Memcached.Configuration;

[assembly: CacheBackendProvider(typeof(MemcachedBackendProvider))]

namespace Orleans.Caching.Memcached.Configuration;

/// <summary>Registers <c>MemcachedCache</c>, <c>SASLMemcachedCache</c> and <c>SpreadSASLMemcachedCache</c> (with the aliases
/// <c>memcached</c>, <c>saslmemcached</c>, <c>spreadsaslmemcached</c>) with every registry of an application referencing this package.</summary>
/// <remarks>
/// Configuration (normalized; Flask's names in brackets): <c>Memcached:Servers</c> (<c>CACHE_MEMCACHED_SERVERS</c>; a list, or one string
/// separated by commas, semicolons or spaces), <c>Memcached:Username</c>, <c>Memcached:Password</c>, and <c>Memcached:ConnectTimeout</c>,
/// <c>OperationTimeout</c>, <c>MaxPoolSize</c>, <c>DeadServerRetryInterval</c>, <c>MaxItemBytes</c>, <c>ChunkSize</c>, <c>MaxChunks</c>.
/// <c>CACHE_ARGS</c> follow Flask-Caching's constructors: <c>(servers, default_timeout, key_prefix, username, password)</c>; <c>CACHE_OPTIONS</c>
/// may set any option (<c>chunksize</c>, <c>maxchunk</c>, ...). The key prefix defaults to <c>"flask_cache_"</c> as in Flask-Caching.
/// </remarks>
internal sealed class MemcachedBackendProvider : ICacheBackendProvider
{
    /// <summary>Flask-Caching's key prefix default for memcached.</summary>
    public const string DefaultKeyPrefix = "flask_cache_";

    private static readonly Dictionary<string, string> s_optionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["maxchunk"] = nameof(SpreadSASLMemcachedCacheOptions.MaxChunks),
        ["chunksize"] = nameof(SpreadSASLMemcachedCacheOptions.ChunkSize),
    };

    /// <inheritdoc/>
    public void Register(CacheBackendRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("MemcachedCache", context => new MemcachedCache(Bind<MemcachedCacheOptions>(context, sasl: false), context.TimeProvider,
            context.LoggerFactory.CreateLogger<MemcachedCache>()), "memcached");
        registry.Add("SASLMemcachedCache", context => new SASLMemcachedCache(Bind<SASLMemcachedCacheOptions>(context, sasl: true), context.TimeProvider,
            context.LoggerFactory.CreateLogger<SASLMemcachedCache>()), "saslmemcached");
        registry.Add("SpreadSASLMemcachedCache", context => new SpreadSASLMemcachedCache(Bind<SpreadSASLMemcachedCacheOptions>(context, sasl: true),
            context.TimeProvider, context.LoggerFactory.CreateLogger<SpreadSASLMemcachedCache>()), "spreadsaslmemcached");
    }

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) => ArgumentNullException.ThrowIfNull(services);

    /// <summary>Binds a memcached backend's options from its section, <c>CACHE_ARGS</c> and <c>CACHE_OPTIONS</c>.</summary>
    internal static TOptions Bind<TOptions>(CacheBackendFactoryContext context, bool sasl)
        where TOptions : MemcachedCacheOptions, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        IConfiguration section = context.Configuration;
        TOptions options = context.CreateOptions<TOptions>(
            o =>
            {
                if (section["KeyPrefix"] is null)
                {
                    o.KeyPrefix = DefaultKeyPrefix;
                }

                if (ReadServers(section.GetSection("Memcached:Servers")) is { Count: > 0 } servers)
                {
                    o.Servers = servers;
                }

                o.ConnectTimeout = Get(context, "Memcached:ConnectTimeout", o.ConnectTimeout);
                o.OperationTimeout = Get(context, "Memcached:OperationTimeout", o.OperationTimeout);
                o.DeadServerRetryInterval = Get(context, "Memcached:DeadServerRetryInterval", o.DeadServerRetryInterval);
                o.MaxPoolSize = Get(context, "Memcached:MaxPoolSize", o.MaxPoolSize);
                o.MaxItemBytes = Get(context, "Memcached:MaxItemBytes", o.MaxItemBytes);
                if (o is SASLMemcachedCacheOptions credentials)
                {
                    credentials.Username = section["Memcached:Username"] ?? credentials.Username;
                    credentials.Password = section["Memcached:Password"] ?? credentials.Password;
                }

                if (o is SpreadSASLMemcachedCacheOptions spread)
                {
                    spread.ChunkSize = Get(context, "Memcached:ChunkSize", spread.ChunkSize);
                    spread.MaxChunks = Get(context, "Memcached:MaxChunks", spread.MaxChunks);
                }

                ApplyArgs(context, o, sasl);
            },
            s_optionNames);
        if (options.Servers.Count == 0)
        {
            throw new CacheConfigurationException($"{context.SectionPath}:Memcached:Servers",
                $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(context.SectionPath, "Memcached:Servers")} names no server.", null);
        }

        foreach (string server in options.Servers)
        {
            try
            {
                Client.MemcachedServerAddress.Parse(server);
            }
            catch (FormatException ex)
            {
                throw new CacheConfigurationException($"{context.SectionPath}:Memcached:Servers",
                    $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(context.SectionPath, "Memcached:Servers")}: {ex.Message}", ex);
            }
        }

        return options;
    }

    private static void ApplyArgs(CacheBackendFactoryContext context, MemcachedCacheOptions options, bool sasl)
    {
        IReadOnlyList<string> args = context.Args;
        if (args.Count > 0)
        {
            options.Servers = SplitServers(args[0]);
        }

        if (args.Count > 1)
        {
            options.DefaultTimeout = Parse(context, $"Args:1", args[1], CacheTimeout.Parse);
        }

        if (args.Count > 2)
        {
            options.KeyPrefix = args[2];
        }

        if (sasl && options is SASLMemcachedCacheOptions credentials)
        {
            if (args.Count > 3)
            {
                credentials.Username = args[3];
            }

            if (args.Count > 4)
            {
                credentials.Password = args[4];
            }
        }
    }

    private static List<string>? ReadServers(IConfigurationSection section)
    {
        if (section.Value is { } single)
        {
            return SplitServers(single);
        }

        var servers = new List<string>();
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                servers.AddRange(SplitServers(child.Value));
            }
        }

        return servers;
    }

    private static List<string> SplitServers(string text)
        => [.. text.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static TimeSpan Get(CacheBackendFactoryContext context, string key, TimeSpan defaultValue)
        => context.Configuration[key] is { } text
            ? Parse(context, key, text, t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.Parse(t, CultureInfo.InvariantCulture))
            : defaultValue;

    private static int Get(CacheBackendFactoryContext context, string key, int defaultValue)
        => context.Configuration[key] is { } text ? Parse(context, key, text, t => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)) : defaultValue;

    private static T Parse<T>(CacheBackendFactoryContext context, string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text.Trim());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new CacheConfigurationException($"{context.SectionPath}:{key}",
                $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(context.SectionPath, key)} is '{text}', which is not valid: {ex.Message}", ex);
        }
    }
}
