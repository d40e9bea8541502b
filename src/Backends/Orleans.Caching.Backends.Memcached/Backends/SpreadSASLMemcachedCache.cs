using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

/// <summary>
/// Flask-Caching's <c>SpreadSASLMemcachedCache</c>: <see cref="SASLMemcachedCache"/> whose values may exceed one item, spread over the
/// keys <c>key.0 … key.N-1</c>.
/// </summary>
/// <remarks>
/// <para>Layout: <c>key.0</c> holds an 18-byte header (<c>"OCS"</c>, version 1, the chunk count, the total length and a random write id)
/// and the first piece; every other chunk holds the write id and its piece. A read takes the count from <c>key.0</c> and reads exactly
/// those chunks (all of them in one round trip per server); a missing chunk, or one from another write, makes the value a miss (logged), so a torn or half-expired value is never
/// returned.</para>
/// <para>A write stores the other chunks first and <c>key.0</c> last, then deletes <c>key.N … key.(MaxChunks-1)</c> in one quiet round
/// trip per server, so a value that shrinks leaves no stale chunk. <c>add</c> stores <c>key.0</c> first (the atomic test) and the rest after.
/// A value needing more than <see cref="SpreadSASLMemcachedCacheOptions.MaxChunks"/> chunks raises <see cref="CacheValueTooLargeException"/>
/// (Flask-Caching raises <c>ValueError</c>). <c>delete</c> removes every chunk key. Counters live in <c>key.0</c> as plain decimal text
/// (a value without the header reads as is), so <c>inc</c> uses memcached's atomic <c>incr</c> as <see cref="MemcachedCache"/> does.</para>
/// </remarks>
public sealed partial class SpreadSASLMemcachedCache : SASLMemcachedCache
{
    private const int HeaderLength = 18;
    private const int WriteIdLength = 8;
    private static ReadOnlySpan<byte> Magic => "OCS\u0001"u8;

    private readonly SpreadSASLMemcachedCacheOptions _options;

    /// <summary>Initializes a new instance of the <see cref="SpreadSASLMemcachedCache"/> class. No connection is opened until the first operation.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for absolute expiry times; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">A server or option is invalid.</exception>
    public SpreadSASLMemcachedCache(SpreadSASLMemcachedCacheOptions options, TimeProvider? timeProvider = null, ILogger<SpreadSASLMemcachedCache>? logger = null)
        : base(options, timeProvider, logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, HeaderLength + 1, nameof(options.ChunkSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChunks, 1, nameof(options.MaxChunks));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxChunks, ushort.MaxValue, nameof(options.MaxChunks));
        _options = options;
    }

    /// <summary>Gets the key of chunk <paramref name="index"/> of a full key, as stored in memcached.</summary>
    /// <param name="key">The full key (prefix included).</param>
    /// <param name="index">The chunk index.</param>
    /// <returns>The chunk's full key.</returns>
    public static string ChunkKey(string key, int index) => string.Concat(key, ".", index.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    protected override async ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
        => (await ReadSpreadAsync(key, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc/>
    /// <remarks>Two round trips per server whatever the number of keys: the first chunks of all values, then every other chunk.</remarks>
    protected override async ValueTask<IReadOnlyList<byte[]?>> GetManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        SpreadRead?[] reads = await ReadSpreadManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var values = new byte[]?[reads.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reads[i]?.Value;
        }

        return values;
    }

    /// <inheritdoc/>
    protected override async ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
        => await ReadSpreadAsync(key, cancellationToken).ConfigureAwait(false) is { } read ? new CacheEntry(read.Value, ExpiresAt(read.First)) : null;

    /// <inheritdoc/>
    protected override async ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
        => await ReadSpreadAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => WriteSpreadAsync(key, value, timeout, StoreMode.Set, cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => WriteSpreadAsync(key, value, timeout, StoreMode.Add, cancellationToken);

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyList<bool>> SetManyCoreAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        foreach (KeyValuePair<string, ReadOnlyMemory<byte>> item in items)
        {
            Plan(item.Key, item.Value.Length);
        }

        return base.SetManyCoreAsync(items, timeout, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        bool existed = await base.DeleteCoreAsync(ChunkKey(key, 0), cancellationToken).ConfigureAwait(false);
        await DeleteQuietAsync(ChunkKeys(key, 1, _options.MaxChunks), cancellationToken).ConfigureAwait(false);
        return existed;
    }

    /// <inheritdoc/>
    protected override async ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
    {
        byte[] firstKey = MemcachedKey.Encode(ChunkKey(key, 0));
        return await IncrementItemAsync(key, firstKey, delta, DecodeSingle, cancellationToken).ConfigureAwait(false);
    }

    private static byte[]? DecodeSingle(byte[] stored)
    {
        if (!stored.AsSpan().StartsWith(Magic))
        {
            return stored;
        }

        return stored.Length >= HeaderLength && BinaryPrimitives.ReadUInt16BigEndian(stored.AsSpan(4)) == 1 ? stored[HeaderLength..] : null;
    }

    private static void WriteHeader(Span<byte> destination, int count, int totalLength, ulong writeId)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)count);
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], (uint)totalLength);
        BinaryPrimitives.WriteUInt64BigEndian(destination[10..], writeId);
    }

    private static ulong NewWriteId() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    private static byte[][] ChunkKeys(string key, int from, int to)
    {
        var keys = new byte[Math.Max(0, to - from)][];
        for (int i = from; i < to; i++)
        {
            keys[i - from] = MemcachedKey.Encode(ChunkKey(key, i));
        }

        return keys;
    }
}
