using Microsoft.Extensions.Logging;
using Orleans.Caching.Memcached.Client;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>SASLMemcachedCache</c>: <see cref="MemcachedCache"/> over memcached's binary protocol, each connection authenticated
/// with SASL PLAIN (<see cref="SASLMemcachedCacheOptions.Username"/>, <see cref="SASLMemcachedCacheOptions.Password"/>).
/// </summary>
/// <remarks>Rejected credentials raise <see cref="MemcachedAuthenticationException"/> on every operation (reads included: it is a
/// configuration error, not an outage); the password never appears in logs or messages.</remarks>
public class SASLMemcachedCache : MemcachedCache
{
    /// <summary>Initializes a new instance of the <see cref="SASLMemcachedCache"/> class. No connection is opened until the first operation.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for absolute expiry times; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">A server or option is invalid.</exception>
    public SASLMemcachedCache(SASLMemcachedCacheOptions options, TimeProvider? timeProvider = null, ILogger<SASLMemcachedCache>? logger = null)
        : this(options, timeProvider, (ILogger?)logger)
    {
    }

    private protected SASLMemcachedCache(SASLMemcachedCacheOptions options, TimeProvider? timeProvider, ILogger? logger)
        : base(options, Settings(options), timeProvider, logger)
    {
    }

    private static MemcachedClientSettings Settings(SASLMemcachedCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MemcachedClientSettings.From(options, useBinaryProtocol: true, string.IsNullOrEmpty(options.Username) ? null : options.Username, options.Password);
    }
}
