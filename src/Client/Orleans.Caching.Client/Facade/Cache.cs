using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orleans.Caching;

/// <summary>
/// The cache facade with Flask-Caching's programming model: <c>get/set/add/delete/...</c> on typed values,
/// <c>cached</c> and <c>memoize</c> wrappers, <c>delete_memoized</c>. It works over any <see cref="ICacheBackend"/>:
/// a direct backend or the grain cluster.
/// </summary>
/// <remarks>
/// The decorators reach the backend only through this class's public virtual methods, so a subclass that
/// overrides them (to add instrumentation, say) sees every call, as in Flask-Caching.
/// </remarks>
public partial class Cache
{
    private CacheHashMethod _hashMethod;
    private ICacheSerializer _serializer;

    /// <summary>Initializes a new instance of the <see cref="Cache"/> class.</summary>
    /// <param name="backend">The backend to store values in.</param>
    /// <param name="options">The facade options; defaults when <see langword="null"/>.</param>
    /// <param name="serializer">The serializer; <see cref="JsonCacheSerializer"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger for swallowed failures.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public Cache(ICacheBackend backend, CacheOptions? options = null, ICacheSerializer? serializer = null, ILogger<Cache>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
        Options = options ?? new CacheOptions();
        _serializer = serializer ?? new JsonCacheSerializer();
        _hashMethod = ResolveHashMethod(Options.HashMethod);
        Logger = (ILogger?)logger ?? NullLogger.Instance;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the backend values are stored in (Flask-Caching's <c>cache.cache</c>).</summary>
    public ICacheBackend Backend { get; }

    /// <summary>Gets the facade options.</summary>
    public CacheOptions Options { get; }

    /// <summary>Gets the clock used by this cache.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets or sets the serializer values pass through.</summary>
    public ICacheSerializer Serializer
    {
        get => _serializer;
        set => _serializer = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets or sets the hash method decorators use when they do not name one; read each time a key is built.</summary>
    public CacheHashMethod HashMethod
    {
        get => _hashMethod;
        set => _hashMethod = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the logger for failures the decorators swallow.</summary>
    protected ILogger Logger { get; }

    /// <summary>Reads a value as <paramref name="type"/> (<c>get</c>). The decorators call this overload.</summary>
    /// <param name="key">The key.</param>
    /// <param name="type">The type to read; <see cref="object"/> for natural values.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value, or <see langword="null"/> if missing, expired, or stored as <see langword="null"/>.</returns>
    public virtual async ValueTask<object?> GetAsync(string key, Type type, CancellationToken cancellationToken = default)
    {
        byte[]? data = await Backend.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return data is null ? null : Deserialize(data, type);
    }

    /// <summary>Reads a value as natural .NET values (<c>get</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value, or <see langword="null"/> on a miss.</returns>
    public ValueTask<object?> GetAsync(string key, CancellationToken cancellationToken = default) => GetAsync(key, typeof(object), cancellationToken);

    /// <summary>Reads a typed value (<c>get</c>).</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value, or <see langword="default"/> on a miss.</returns>
    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
        => (T?)await GetAsync(key, typeof(T), cancellationToken).ConfigureAwait(false);

    /// <summary>Writes a value (<c>set</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value; serialized by <see cref="Serializer"/>.</param>
    /// <param name="timeout">Seconds or a <see cref="TimeSpan"/>; <see langword="null"/> for the backend default, 0 never expires.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the value was stored.</returns>
    public virtual ValueTask<bool> SetAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
        => Backend.SetAsync(key, Serialize(value), timeout, cancellationToken);

    /// <summary>Writes a value only if the key holds none (<c>add</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timeout">The time-to-live; <see langword="null"/> for the backend default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if stored; <see langword="false"/> if the key already held a live value.</returns>
    public virtual ValueTask<bool> AddAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
        => Backend.AddAsync(key, Serialize(value), timeout, cancellationToken);

    /// <summary>Removes a key (<c>delete</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The backend's result (Simple: whether the key existed).</returns>
    public virtual ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
        => Backend.DeleteAsync(key, cancellationToken);

    /// <summary>Removes several keys (<c>delete_many</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys deleted or already gone.</returns>
    /// <exception cref="CacheDeleteManyException">Some keys remain and <c>CACHE_IGNORE_ERRORS</c> is off.</exception>
    public virtual ValueTask<IReadOnlyList<string>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
        => Backend.DeleteManyAsync(keys, cancellationToken);

    /// <summary>Removes several keys (<c>delete_many</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The keys deleted or already gone.</returns>
    public ValueTask<IReadOnlyList<string>> DeleteManyAsync(params string[] keys) => DeleteManyAsync((IReadOnlyList<string>)keys, CancellationToken.None);

    /// <summary>Removes keys without blocking the store where it can (<c>unlink</c>); other backends fall back to <see cref="DeleteManyAsync(IReadOnlyList{string}, CancellationToken)"/>.</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The keys deleted or already gone.</returns>
    public ValueTask<IReadOnlyList<string>> UnlinkAsync(params string[] keys) => DeleteManyAsync((IReadOnlyList<string>)keys, CancellationToken.None);

    /// <summary>Tells whether a key holds a live value (<c>has</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if present and unexpired.</returns>
    public virtual ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken = default)
        => Backend.HasAsync(key, cancellationToken);

    /// <summary>Removes every key (<c>clear</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the cache was cleared.</returns>
    public virtual ValueTask<bool> ClearAsync(CancellationToken cancellationToken = default)
        => Backend.ClearAsync(cancellationToken);

    /// <summary>Reads several values (<c>get_many</c>). The decorators call this overload.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="type">The type to read each value as.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One value per key, in order; <see langword="null"/> for misses.</returns>
    public virtual async ValueTask<IReadOnlyList<object?>> GetManyAsync(IReadOnlyList<string> keys, Type type, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<byte[]?> data = await Backend.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);
        var values = new object?[data.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = data[i] is { } bytes ? Deserialize(bytes, type) : null;
        }

        return values;
    }

    /// <summary>Reads several values as natural .NET values (<c>get_many</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>One value per key, in order.</returns>
    public ValueTask<IReadOnlyList<object?>> GetManyAsync(params string[] keys) => GetManyAsync(keys, typeof(object), CancellationToken.None);

    /// <summary>Reads several typed values (<c>get_many</c>).</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One value per key, in order; <see langword="default"/> for misses.</returns>
    public async ValueTask<IReadOnlyList<T?>> GetManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<object?> values = await GetManyAsync(keys, typeof(T), cancellationToken).ConfigureAwait(false);
        return values.Select(v => v is null ? default : (T?)v).ToList();
    }

    /// <summary>Reads several values as a dictionary (<c>get_dict</c>).</summary>
    /// <typeparam name="T">The type of the values; <see cref="object"/> for natural values.</typeparam>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Each key mapped to its value, <see langword="default"/> for misses.</returns>
    public async ValueTask<IReadOnlyDictionary<string, T?>> GetDictAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<object?> values = await GetManyAsync(keys, typeof(T), cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, T?>(keys.Count, StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            result[keys[i]] = values[i] is null ? default : (T?)values[i];
        }

        return result;
    }

    /// <summary>Reads several values as a dictionary of natural values (<c>get_dict</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>Each key mapped to its value.</returns>
    public ValueTask<IReadOnlyDictionary<string, object?>> GetDictAsync(params string[] keys) => GetDictAsync<object>(keys, CancellationToken.None);

    /// <summary>Writes several values (<c>set_many</c>).</summary>
    /// <param name="mapping">The keys and values.</param>
    /// <param name="timeout">The time-to-live; <see langword="null"/> for the backend default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys stored.</returns>
    public virtual ValueTask<IReadOnlyList<string>> SetManyAsync(IReadOnlyDictionary<string, object?> mapping, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var items = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(mapping.Count);
        foreach (KeyValuePair<string, object?> pair in mapping)
        {
            items.Add(new(pair.Key, Serialize(pair.Value)));
        }

        return Backend.SetManyAsync(items, timeout, cancellationToken);
    }

    /// <summary>Adds to the integer at a key (<c>inc</c>); a missing key counts from 0.</summary>
    /// <param name="key">The key.</param>
    /// <param name="delta">The amount to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value, or <see langword="null"/> if the backend cannot count.</returns>
    public virtual ValueTask<long?> IncAsync(string key, long delta = 1, CancellationToken cancellationToken = default)
        => Backend.IncrementAsync(key, delta, cancellationToken);

    /// <summary>Subtracts from the integer at a key (<c>dec</c>); a missing key counts from 0.</summary>
    /// <param name="key">The key.</param>
    /// <param name="delta">The amount to subtract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value, or <see langword="null"/> if the backend cannot count.</returns>
    public virtual ValueTask<long?> DecAsync(string key, long delta = 1, CancellationToken cancellationToken = default)
        => Backend.IncrementAsync(key, checked(-delta), cancellationToken);

    /// <summary>Serializes a value with <see cref="Serializer"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The bytes.</returns>
    protected byte[] Serialize(object? value) => _serializer.Serialize(value, value?.GetType() ?? typeof(object));

    /// <summary>Deserializes bytes with <see cref="Serializer"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="type">The type to produce.</param>
    /// <returns>The value.</returns>
    protected object? Deserialize(byte[] data, Type type) => _serializer.Deserialize(data, type);

    private static CacheHashMethod ResolveHashMethod(string name)
    {
        try
        {
            return CacheHashMethod.FromName(name);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"CACHE_HASH_METHOD (Caching:HashMethod) is invalid: {ex.Message}", nameof(name), ex);
        }
    }
}
