using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends.Redis;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>RedisSentinelCache</c>: the sentinels name the master; writes go to it, reads to a replica
/// (<see cref="RedisSentinelCacheOptions.ReadFromReplicas"/>). After a failover the first failing operation asks the sentinels
/// again and moves to the new master, so the cache keeps serving.
/// </summary>
/// <remarks>Values, counters and timeouts behave as in <see cref="RedisCache"/>. Nothing connects until the first operation.</remarks>
public sealed class RedisSentinelCache : RedisCache
{
    /// <summary>Initializes a new instance of the <see cref="RedisSentinelCache"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock used to turn time-to-live into expiry times.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">No sentinel, or a malformed one.</exception>
    public RedisSentinelCache(RedisSentinelCacheOptions options, TimeProvider? timeProvider = null, ILogger<RedisSentinelCache>? logger = null)
        : base(options, CreateConnection(options, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System), timeProvider)
    {
    }

    /// <summary>Gets the master in use as <c>host:port</c>, or <see langword="null"/> before the first operation.</summary>
    public string? CurrentMaster => ((SentinelRedisConnection)Connection).CurrentMaster?.ToString();

    private static SentinelRedisConnection CreateConnection(RedisSentinelCacheOptions options, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sentinels.Count == 0)
        {
            throw new ArgumentException("RedisSentinelCache needs at least one sentinel (Caching:Redis:Sentinels, CACHE_REDIS_SENTINELS).", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.SentinelMaster);
        IReadOnlyList<RedisEndpoint> sentinels = RedisSettings.ParseEndpoints(string.Join(',', options.Sentinels), "sentinel list");
        var template = new RedisConnectionSettings
        {
            Endpoints = [],
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
            Db = options.Db,
            Ssl = options.Ssl,
            SslCaCertificates = options.SslCaCertificates,
            ClientOptions = new Dictionary<string, string>(options.ClientOptions, StringComparer.OrdinalIgnoreCase),
        };
        var resolver = new SentinelMasterResolver(sentinels, options.SentinelMaster, options.SentinelPassword, logger);
        return new SentinelRedisConnection(resolver, template, options.ReadFromReplicas, logger, timeProvider);
    }
}
