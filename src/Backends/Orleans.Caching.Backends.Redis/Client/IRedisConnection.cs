namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// The Redis commands Orleans.Caching uses, independent of the client library (StackExchange.Redis 1.2.6 today), so an upgrade
/// touches only this folder. Implementations connect lazily, reconnect on their own, and report every failure as a
/// <see cref="CacheException"/> naming the server but never the password.
/// </summary>
internal interface IRedisConnection : IDisposable
{
    /// <summary>Gets the target, for messages (no password).</summary>
    string Description { get; }

    /// <summary><c>GET</c>.</summary>
    Task<byte[]?> GetAsync(string key);

    /// <summary><c>GET</c> and <c>PTTL</c> pipelined; the time-to-live is <see langword="null"/> when the key never expires.</summary>
    Task<(byte[]? Value, TimeSpan? TimeToLive)> GetWithTimeToLiveAsync(string key);

    /// <summary><c>SET key value [EX] [NX]</c>.</summary>
    Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry, bool onlyIfMissing);

    /// <summary><c>EXISTS</c>.</summary>
    Task<bool> ExistsAsync(string key);

    /// <summary><c>DEL</c> of one key; <see langword="true"/> if it existed.</summary>
    Task<bool> DeleteAsync(string key);

    /// <summary><c>DEL</c> of many keys (split by slot on a cluster); the number deleted.</summary>
    Task<long> DeleteAsync(IReadOnlyList<string> keys);

    /// <summary><c>INCRBY</c>; keeps the key's time-to-live.</summary>
    Task<long> IncrementAsync(string key, long delta);

    /// <summary><c>MGET</c> (split by slot on a cluster), in key order.</summary>
    Task<byte[]?[]> GetManyAsync(IReadOnlyList<string> keys);

    /// <summary>Pipelined <c>SET ... EX</c> of many keys; whether each was stored.</summary>
    Task<bool[]> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, TimeSpan? expiry);

    /// <summary>Deletes every key starting with <paramref name="prefix"/> on every master (<c>SCAN MATCH</c> and <c>DEL</c> in batches, never <c>KEYS</c>).</summary>
    Task<long> DeleteByPrefixAsync(string prefix);

    /// <summary><c>FLUSHDB</c> on every master.</summary>
    Task FlushDatabaseAsync();

    /// <summary><c>HGETALL</c>.</summary>
    Task<KeyValuePair<string, string>[]> HashGetAllAsync(string key);

    /// <summary><c>HMGET</c>; <see langword="null"/> for missing fields.</summary>
    Task<string?[]> HashGetAsync(string key, IReadOnlyList<string> fields);

    /// <summary><c>HSETNX</c>.</summary>
    Task<bool> HashSetIfMissingAsync(string key, string field, string value);

    /// <summary>A <c>MULTI/EXEC</c> transaction that runs only if <paramref name="conditionField"/> still holds <paramref name="expectedValue"/>:
    /// sets <paramref name="sets"/> and deletes <paramref name="deletes"/>.</summary>
    /// <returns><see langword="false"/> if the condition failed and nothing was written.</returns>
    Task<bool> HashTransactionAsync(string key, string conditionField, string expectedValue, IReadOnlyList<KeyValuePair<string, string>> sets, IReadOnlyList<string> deletes);
}
