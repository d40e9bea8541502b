using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends.Memcached;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>MemcachedCache</c>: values in one or more memcached servers, spoken to with the meta text protocol
/// (memcached 1.6+) through the client of this package (pooled connections, timeouts, ketama hashing over servers).
/// </summary>
/// <remarks>
/// <para>Expiry times within 30 days are sent as relative seconds plus one (memcached's whole-second clock would otherwise let a short
/// timeout expire early), longer ones as absolute Unix times, so timeouts over 30 days work; the absolute expiry is also kept in the
/// item's client flags, so <see cref="ICacheBackend.GetEntryAsync"/> works on every protocol.</para>
/// <para>Keys memcached cannot store (over 250 bytes, spaces, control characters; prefix included) are replaced by
/// <c>sha256:&lt;hex&gt;</c> of the key (see the README); Flask-Caching makes them miss instead.</para>
/// <para>A key whose server is down reads as a miss (logged); writes, deletes and increments of it raise
/// <see cref="MemcachedServerUnavailableException"/>. <c>clear()</c> flushes every server, whatever the prefix (as Flask-Caching).
/// <c>inc</c>/<c>dec</c> are atomic: a native increment for non-negative deltas (the counter is created with <c>add</c> and the default
/// timeout when missing; an existing counter keeps its expiry), compare-and-swap for negative deltas and negative counters, which
/// memcached's <c>decr</c> cannot reach.</para>
/// </remarks>
public partial class MemcachedCache : CacheBackend, IAsyncDisposable, IDisposable
{
    /// <summary>The bytes memcached adds to every item beside its key and value (header, CAS, flags, CR LF), rounded up.</summary>
    public const int ItemOverheadBytes = 64;

    private const string ItemSizeSetting = "Caching:Memcached:MaxItemBytes, the servers' item size";

    /// <summary>Initializes a new instance of the <see cref="MemcachedCache"/> class. No connection is opened until the first operation.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for absolute expiry times; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">A server or option is invalid.</exception>
    public MemcachedCache(MemcachedCacheOptions options, TimeProvider? timeProvider = null, ILogger<MemcachedCache>? logger = null)
        : this(options, MemcachedClientSettings.From(options, useBinaryProtocol: false, null, null), timeProvider, logger)
    {
    }

    private protected MemcachedCache(MemcachedCacheOptions options, MemcachedClientSettings settings, TimeProvider? timeProvider, ILogger? logger)
        : base(options, timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxItemBytes, ItemOverheadBytes + MemcachedKey.MaxLength + 1, nameof(options.MaxItemBytes));
        MemcachedOptions = options;
        Logger = logger ?? NullLogger.Instance;
        Client = new MemcachedClient(settings, TimeProvider, Logger);
    }

    /// <summary>Gets the memcached options.</summary>
    public MemcachedCacheOptions MemcachedOptions { get; }

    private protected ILogger Logger { get; }

    internal MemcachedClient Client { get; }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Client.DisposeAsync();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    protected override async ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
        => (await ReadItemAsync(key, MemcachedKey.Encode(key), withValue: true, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc/>
    protected override async ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        MemcachedItem? item = await ReadItemAsync(key, MemcachedKey.Encode(key), withValue: true, cancellationToken).ConfigureAwait(false);
        return item is { } found ? new CacheEntry(found.Value!, ExpiresAt(found)) : null;
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
        => await ReadItemAsync(key, MemcachedKey.Encode(key), withValue: false, cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc/>
    protected override async ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        byte[] storedKey = MemcachedKey.Encode(key);
        CheckItemSize(key, storedKey, value.Length);
        uint expiry = ExpiryFor(timeout);
        return await StoreAsync(key, storedKey, StoreMode.Set, value, expiry, 0, cancellationToken).ConfigureAwait(false) == StoreResult.Stored;
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        byte[] storedKey = MemcachedKey.Encode(key);
        CheckItemSize(key, storedKey, value.Length);
        uint expiry = ExpiryFor(timeout);
        return await StoreAsync(key, storedKey, StoreMode.Add, value, expiry, 0, cancellationToken).ConfigureAwait(false) == StoreResult.Stored;
    }

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<bool>> SetManyCoreAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        foreach (KeyValuePair<string, ReadOnlyMemory<byte>> item in items)
        {
            CheckItemSize(item.Key, MemcachedKey.Encode(item.Key), item.Value.Length);
        }

        return base.SetManyCoreAsync(items, timeout, cancellationToken);
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        byte[] storedKey = MemcachedKey.Encode(key);
        return Client.ExecuteAsync(Client.Locate(storedKey), storedKey, static (connection, k, token) => connection.DeleteAsync(k, token), cancellationToken);
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
    {
        bool cleared = true;
        foreach (MemcachedNode node in Client.Nodes)
        {
            try
            {
                await Client.ExecuteAsync(node, 0, static async (connection, _, token) =>
                {
                    await connection.FlushAllAsync(token).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (CacheException ex)
            {
                Log.FlushFailed(Logger, ex, node.Name);
                cleared = false;
            }
        }

        return cleared;
    }
}
