namespace Orleans.Caching;

/// <summary>
/// The cache-backend contract: Flask-Caching's <c>BaseCache</c> over byte values. Implemented by the direct
/// backends (Null, Simple, FileSystem, Redis, Memcached), used by silos as grain storage, and presented by the
/// grain cluster itself, so one contract test suite covers every implementation.
/// </summary>
/// <remarks>
/// <para>Timeouts: <see langword="null"/> uses <see cref="DefaultTimeout"/>; <see cref="CacheTimeout.Never"/> (<c>0</c>)
/// never expires; a negative timeout is already expired (the write succeeds and the key reads as missing).</para>
/// <para>Keys are non-empty strings; implementations apply their key prefix. Arrays returned by reads belong to
/// the caller to read but must not be modified.</para>
/// <para>Derive from <see cref="CacheBackend"/> rather than implementing this interface directly: it validates keys
/// and values, applies the prefix and provides the multi-key operations.</para>
/// </remarks>
public interface ICacheBackend
{
    /// <summary>Gets the timeout used when an operation passes <see langword="null"/>.</summary>
    CacheTimeout DefaultTimeout { get; }

    /// <summary>Reads a value (<c>get</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored bytes, or <see langword="null"/> if the key is missing or expired.</returns>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads a value with its expiry, so a silo that loads a grain's state from this backend keeps the entry's remaining time-to-live.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/> if the key is missing or expired.</returns>
    ValueTask<CacheEntry?> GetEntryAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a value, replacing any existing one (<c>set</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The bytes to store.</param>
    /// <param name="timeout">The time-to-live; <see langword="null"/> for <see cref="DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the value was stored.</returns>
    ValueTask<bool> SetAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout? timeout, CancellationToken cancellationToken);

    /// <summary>Writes a value only if the key is missing or expired (<c>add</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The bytes to store.</param>
    /// <param name="timeout">The time-to-live; <see langword="null"/> for <see cref="DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the value was stored; <see langword="false"/> if the key already held a live value.</returns>
    ValueTask<bool> AddAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout? timeout, CancellationToken cancellationToken);

    /// <summary>Removes a key (<c>delete</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the key was deleted; see the backend for its exact meaning when the key was missing.</returns>
    ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes several keys (<c>delete_many</c>, Flask-Caching 2.5 semantics).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys that were deleted or no longer exist.</returns>
    /// <exception cref="CacheDeleteManyException">A key still exists afterwards and <see cref="CacheBackendOptions.IgnoreDeleteManyErrors"/> is off.</exception>
    ValueTask<IReadOnlyList<string>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Tells whether a key holds a live value (<c>has</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the key exists and has not expired.</returns>
    ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every key of this cache (<c>clear</c>); a prefixed cache removes only its own keys where the store allows.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the cache was cleared.</returns>
    ValueTask<bool> ClearAsync(CancellationToken cancellationToken);

    /// <summary>Reads several values (<c>get_many</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One entry per key, in key order, <see langword="null"/> for misses.</returns>
    ValueTask<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Reads several values as a dictionary (<c>get_dict</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A mapping from each key to its value, <see langword="null"/> for misses.</returns>
    ValueTask<IReadOnlyDictionary<string, byte[]?>> GetDictAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes several values with one timeout (<c>set_many</c>).</summary>
    /// <param name="items">The keys and values.</param>
    /// <param name="timeout">The time-to-live; <see langword="null"/> for <see cref="DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys that were stored.</returns>
    ValueTask<IReadOnlyList<string>> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, CacheTimeout? timeout, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="delta"/> to the integer stored at a key (<c>inc</c>; <c>dec</c> passes a negative delta).</summary>
    /// <param name="key">The key.</param>
    /// <param name="delta">The amount to add; may be negative.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value, or <see langword="null"/> if the backend cannot count (memcached without the key, for instance).</returns>
    /// <remarks>Counters are stored as ASCII decimal text (as Redis <c>INCRBY</c> does), so they read back as JSON numbers.
    /// A missing key counts from 0. A stored value that is not an integer raises <see cref="CacheException"/>.</remarks>
    ValueTask<long?> IncrementAsync(string key, long delta, CancellationToken cancellationToken);
}
