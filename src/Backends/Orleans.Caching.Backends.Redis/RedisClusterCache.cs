using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends.Redis;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>RedisClusterCache</c>: a Redis Cluster reached through startup nodes (<c>host1:port1,host2:port2</c>) or a URL. The
/// client follows <c>MOVED</c>/<c>ASK</c> redirections; multi-key operations (<c>MGET</c>, <c>DEL</c>) are split by hash slot
/// (<c>{tag}</c> hash tags respected), so they never fail with <c>CROSSSLOT</c>. <c>clear()</c> scans or flushes every master.
/// </summary>
/// <remarks>Values, counters and timeouts behave as in <see cref="RedisCache"/>. Nothing connects until the first operation.</remarks>
public sealed class RedisClusterCache : RedisCache
{
    /// <summary>Initializes a new instance of the <see cref="RedisClusterCache"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock used to turn time-to-live into expiry times.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">No node, a malformed node list, or a database other than 0.</exception>
    public RedisClusterCache(RedisClusterCacheOptions options, TimeProvider? timeProvider = null, ILogger<RedisClusterCache>? logger = null)
        : base(options, CreateConnection(options, logger ?? (ILogger)NullLogger.Instance), timeProvider)
    {
    }

    private static StackExchangeRedisConnection CreateConnection(RedisClusterCacheOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisConnectionSettings settings = string.IsNullOrWhiteSpace(options.Cluster)
            ? RedisSettings.FromOptions(options) with { IsCluster = true }
            : RedisSettings.FromOptions(options, options.Cluster);
        if (settings.Db != 0)
        {
            throw new ArgumentException($"Redis Cluster has only database 0; RedisClusterCache was given database {settings.Db}.", nameof(options));
        }

        return new StackExchangeRedisConnection(settings, logger);
    }
}
