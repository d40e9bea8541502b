using System.Text;

namespace Orleans.Caching;

/// <summary>
/// The base of every backend: validates keys and values, applies the key prefix, resolves <see langword="null"/>
/// timeouts to <see cref="DefaultTimeout"/>, and implements the multi-key operations in terms of the single-key
/// ones (override the <c>*CoreAsync</c> multi-key methods where the store has native batches).
/// </summary>
/// <remarks>Every <c>*CoreAsync</c> method receives the full key, prefix included.</remarks>
public abstract class CacheBackend : ICacheBackend
{
    private const int KeyPreviewLength = 64;

    /// <summary>Initializes a new instance of the <see cref="CacheBackend"/> class.</summary>
    /// <param name="options">The backend options.</param>
    /// <param name="timeProvider">The clock used for expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    protected CacheBackend(CacheBackendOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the options this backend was built with.</summary>
    public CacheBackendOptions Options { get; }

    /// <summary>Gets the clock used for expiry.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc/>
    public CacheTimeout DefaultTimeout => Options.DefaultTimeout;

    /// <summary>Gets the key prefix in force now (<see cref="CacheBackendOptions.KeyPrefixFactory"/> is evaluated on each read).</summary>
    public string KeyPrefix => Options.KeyPrefixFactory?.Invoke() ?? Options.KeyPrefix;

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return GetCoreAsync(fullKey, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<CacheEntry?> GetEntryAsync(string key, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return GetEntryCoreAsync(fullKey, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> SetAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout? timeout, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        CheckValue(key, value);
        cancellationToken.ThrowIfCancellationRequested();
        return SetCoreAsync(fullKey, value, timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> AddAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout? timeout, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        CheckValue(key, value);
        cancellationToken.ThrowIfCancellationRequested();
        return AddCoreAsync(fullKey, value, timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return DeleteCoreAsync(fullKey, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return HasCoreAsync(fullKey, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ClearCoreAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<long?> IncrementAsync(string key, long delta, CancellationToken cancellationToken)
    {
        string fullKey = PrepareKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return IncrementCoreAsync(fullKey, delta, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        string[] fullKeys = PrepareKeys(keys);
        cancellationToken.ThrowIfCancellationRequested();
        return GetManyCoreAsync(fullKeys, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, byte[]?>> GetDictAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<byte[]?> values = await GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, byte[]?>(keys.Count, StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            result[keys[i]] = values[i];
        }

        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<string>> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var prepared = new KeyValuePair<string, ReadOnlyMemory<byte>>[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            prepared[i] = new(PrepareKey(items[i].Key), items[i].Value);
            CheckValue(items[i].Key, items[i].Value);
        }

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<bool> stored = await SetManyCoreAsync(prepared, timeout ?? DefaultTimeout, cancellationToken).ConfigureAwait(false);
        var result = new List<string>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (stored[i])
            {
                result.Add(items[i].Key);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<string>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        string[] fullKeys = PrepareKeys(keys);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<bool> gone = await DeleteManyCoreAsync(fullKeys, cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>(keys.Count);
        List<string>? failed = null;
        for (int i = 0; i < keys.Count; i++)
        {
            if (gone[i])
            {
                deleted.Add(keys[i]);
            }
            else
            {
                (failed ??= []).Add(keys[i]);
            }
        }

        if (failed is not null && !Options.IgnoreDeleteManyErrors)
        {
            throw new CacheDeleteManyException(failed, deleted);
        }

        return deleted;
    }

    /// <summary>Reads one value by its full key.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The bytes, or <see langword="null"/> if missing or expired.</returns>
    protected abstract ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads one value with its expiry by its full key. The default reports no expiry; every backend whose entries
    /// expire must override it (a silo relies on it to keep a reloaded entry's time-to-live).</summary>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/> if missing or expired.</returns>
    protected virtual async ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? value = await GetCoreAsync(key, cancellationToken).ConfigureAwait(false);
        return value is null ? null : new CacheEntry(value, null);
    }

    /// <summary>Writes one value by its full key.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="value">The bytes.</param>
    /// <param name="timeout">The resolved timeout (never <see langword="null"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the value was stored.</returns>
    protected abstract ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken);

    /// <summary>Writes one value by its full key if it is missing or expired.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="value">The bytes.</param>
    /// <param name="timeout">The resolved timeout.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the value was stored.</returns>
    protected abstract ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken);

    /// <summary>Removes one key by its full key.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The backend's delete result.</returns>
    protected abstract ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken);

    /// <summary>Tells whether a full key holds a live value.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the key exists and is unexpired.</returns>
    protected abstract ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every key of this cache (the prefix in force is <see cref="KeyPrefix"/>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the cache was cleared.</returns>
    protected abstract ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken);

    /// <summary>Reads several full keys; the default reads them one by one.</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The values in key order.</returns>
    protected virtual async ValueTask<IReadOnlyList<byte[]?>> GetManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var values = new byte[]?[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            values[i] = await GetCoreAsync(keys[i], cancellationToken).ConfigureAwait(false);
        }

        return values;
    }

    /// <summary>Writes several full keys; the default writes them one by one.</summary>
    /// <param name="items">The full keys and values.</param>
    /// <param name="timeout">The resolved timeout.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>For each item, whether it was stored.</returns>
    protected virtual async ValueTask<IReadOnlyList<bool>> SetManyCoreAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        var stored = new bool[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            stored[i] = await SetCoreAsync(items[i].Key, items[i].Value, timeout, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Removes several full keys; for each, reports whether it is gone (deleted, or no longer exists).</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>For each key, <see langword="true"/> if it was deleted or does not exist any more.</returns>
    protected virtual async ValueTask<IReadOnlyList<bool>> DeleteManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var gone = new bool[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            gone[i] = await DeleteCoreAsync(keys[i], cancellationToken).ConfigureAwait(false)
                      || !await HasCoreAsync(keys[i], cancellationToken).ConfigureAwait(false);
        }

        return gone;
    }

    /// <summary>Adds to the counter at a full key. The default reads, adds and writes back with <see cref="DefaultTimeout"/>
    /// (as cachelib does); it is not atomic, so backends with a native counter override it.</summary>
    /// <param name="key">The full key.</param>
    /// <param name="delta">The amount to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value.</returns>
    protected virtual async ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
    {
        byte[]? current = await GetCoreAsync(key, cancellationToken).ConfigureAwait(false);
        long next = checked(CacheCounter.Parse(key, current) + delta);
        await SetCoreAsync(key, CacheCounter.Format(next), DefaultTimeout, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Validates a key and returns it with the prefix in force.</summary>
    /// <param name="key">The caller's key.</param>
    /// <returns>The full key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or longer than <see cref="CacheBackendOptions.MaxKeyBytes"/>.</exception>
    protected string PrepareKey(string key)
    {
        ValidateKey(key, Options.MaxKeyBytes);
        string prefix = KeyPrefix;
        return prefix.Length == 0 ? key : string.Concat(prefix, key);
    }

    /// <summary>Checks a key against the rules every backend shares: not <see langword="null"/>, not empty, at most <paramref name="maxKeyBytes"/> UTF-8 bytes.</summary>
    /// <param name="key">The key.</param>
    /// <param name="maxKeyBytes">The largest size accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or too long.</exception>
    public static void ValidateKey(string key, int maxKeyBytes)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("A cache key must not be empty.", nameof(key));
        }

        // A UTF-8 character is at most 3 bytes per UTF-16 unit, so most keys need no count.
        if (key.Length * 3 > maxKeyBytes)
        {
            int bytes = Encoding.UTF8.GetByteCount(key);
            if (bytes > maxKeyBytes)
            {
                string preview = key.Length > KeyPreviewLength ? key[..KeyPreviewLength] + "…" : key;
                throw new ArgumentException(
                    $"The cache key '{preview}' is {bytes} UTF-8 bytes, over the limit of {maxKeyBytes} (Caching:MaxKeyBytes).", nameof(key));
            }
        }
    }

    private string[] PrepareKeys(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var fullKeys = new string[keys.Count];
        for (int i = 0; i < fullKeys.Length; i++)
        {
            fullKeys[i] = PrepareKey(keys[i]);
        }

        return fullKeys;
    }

    private void CheckValue(string key, ReadOnlyMemory<byte> value)
    {
        if (value.Length > Options.MaxValueBytes)
        {
            throw new CacheValueTooLargeException(key, value.Length, Options.MaxValueBytes);
        }
    }
}
