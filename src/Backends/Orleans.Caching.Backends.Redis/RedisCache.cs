using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends.Redis;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>RedisCache</c> over StackExchange.Redis: one server (host/port, <c>redis://</c>, <c>rediss://</c> or <c>unix://</c>).
/// </summary>
/// <remarks>
/// <para>Values are stored as the exact bytes the facade gives (it has already serialized them); Flask-Caching's <c>"!"</c> + pickle
/// prefix is not used, so Python and .NET applications do not share entries. Counters are plain ASCII integers, so
/// <c>INCRBY</c> is atomic and keeps the time-to-live. A value written by another client reads back as its raw bytes: the facade's JSON
/// reader reads <c>42</c> as a number, while other text is a logged miss in decorators and a <c>CacheSerializationException</c> on typed reads.</para>
/// <para>Timeouts: <c>0</c> stores without expiry, a negative timeout deletes the key. <c>clear()</c> with a key prefix deletes only
/// the prefixed keys (<c>SCAN MATCH</c> + <c>DEL</c>, never <c>KEYS</c>) and returns whether any was deleted; without a prefix it
/// runs <c>FLUSHDB</c>.</para>
/// <para>The connection is made on first use, so construction never needs a live server; the client reconnects on its own
/// when a server comes back. Failures raise <see cref="CacheException"/> naming the server, never the password. The client library
/// takes no cancellation token, so a cancelled operation still waits for the server's reply or the client's timeout.</para>
/// </remarks>
public class RedisCache : CacheBackend, IDisposable
{
    private readonly IRedisConnection _connection;

    /// <summary>Initializes a new instance of the <see cref="RedisCache"/> class; no connection is made until the first operation.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock used to turn time-to-live into expiry times.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">No host (<c>"RedisCache host parameter may not be None"</c>) or a malformed URL.</exception>
    public RedisCache(RedisCacheOptions options, TimeProvider? timeProvider = null, ILogger<RedisCache>? logger = null)
        : this(options, CreateConnection(options, logger), timeProvider)
    {
    }

    internal RedisCache(CacheBackendOptions options, IRedisConnection connection, TimeProvider? timeProvider)
        : base(options, timeProvider)
    {
        _connection = connection;
        Database = options is RedisCacheOptions redis ? DatabaseOf(redis) : 0;
    }

    /// <summary>Gets the database number in use (the URL's database if it names one, else <see cref="RedisCacheOptions.Db"/>).</summary>
    public int Database { get; }

    /// <summary>Gets the server this cache talks to, for diagnostics (no password).</summary>
    public string Target => _connection.Description;

    internal IRedisConnection Connection => _connection;

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the connection.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
        => new(_connection.GetAsync(key));

    /// <inheritdoc/>
    protected override async ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        (byte[]? value, TimeSpan? timeToLive) = await _connection.GetWithTimeToLiveAsync(key).ConfigureAwait(false);
        return value is null ? null : new CacheEntry(value, timeToLive is { } ttl ? TimeProvider.GetUtcNow() + ttl : null);
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        if (timeout.IsExpired)
        {
            await _connection.DeleteAsync(key).ConfigureAwait(false);
            return true;
        }

        return await _connection.SetAsync(key, value, ExpiryOf(timeout), onlyIfMissing: false).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => timeout.IsExpired
            ? !await _connection.ExistsAsync(key).ConfigureAwait(false)
            : await _connection.SetAsync(key, value, ExpiryOf(timeout), onlyIfMissing: true).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => new(_connection.DeleteAsync(key));

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => new(_connection.ExistsAsync(key));

    /// <inheritdoc/>
    protected override async ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
    {
        string prefix = KeyPrefix;
        if (prefix.Length > 0)
        {
            return await _connection.DeleteByPrefixAsync(prefix).ConfigureAwait(false) > 0;
        }

        await _connection.FlushDatabaseAsync().ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<byte[]?>> GetManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => await _connection.GetManyAsync(keys).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<bool>> SetManyCoreAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        if (!timeout.IsExpired)
        {
            return await _connection.SetManyAsync(items, ExpiryOf(timeout)).ConfigureAwait(false);
        }

        var keys = new string[items.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = items[i].Key;
        }

        await _connection.DeleteAsync(keys).ConfigureAwait(false);
        return AllTrue(keys.Length);
    }

    /// <inheritdoc/>
    protected override async ValueTask<IReadOnlyList<bool>> DeleteManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        // DEL either removes every key or fails as a whole, so afterwards none of them exists.
        await _connection.DeleteAsync(keys).ConfigureAwait(false);
        return AllTrue(keys.Count);
    }

    /// <inheritdoc/>
    protected override async ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
        => await _connection.IncrementAsync(key, delta).ConfigureAwait(false);

    private static bool[] AllTrue(int count)
    {
        var result = new bool[count];
        Array.Fill(result, true);
        return result;
    }

    private static TimeSpan? ExpiryOf(CacheTimeout timeout) => timeout.IsNever ? null : timeout.ToTimeSpan();

    private static int DatabaseOf(RedisCacheOptions options)
        => options is RedisClusterCacheOptions ? 0 : RedisSettings.FromOptions(options).Db;

    private static StackExchangeRedisConnection CreateConnection(RedisCacheOptions options, ILogger? logger)
        => new(RedisSettings.FromOptions(options), logger ?? NullLogger.Instance);
}
