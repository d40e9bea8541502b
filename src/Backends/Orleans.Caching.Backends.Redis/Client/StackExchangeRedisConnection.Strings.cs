using System.Runtime.InteropServices;
using StackExchange.Redis;

namespace Orleans.Caching.Backends.Redis;

internal sealed partial class StackExchangeRedisConnection
{
    public Task<byte[]?> GetAsync(string key)
        => RunAsync("GET", (key, _readFlags), static async (db, s) => (byte[]?)await db.StringGetAsync(s.key, s._readFlags).ConfigureAwait(false));

    public Task<(byte[]? Value, TimeSpan? TimeToLive)> GetWithTimeToLiveAsync(string key)
        => RunAsync("GET+PTTL", (key, _readFlags), static async (db, s) =>
        {
            RedisValueWithExpiry entry = await db.StringGetWithExpiryAsync(s.key, s._readFlags).ConfigureAwait(false);
            return ((byte[]?)entry.Value, entry.Expiry);
        });

    public Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry, bool onlyIfMissing)
        => RunAsync(onlyIfMissing ? "SET NX" : "SET", (key, Value: ToArray(value), expiry, onlyIfMissing), static (db, s)
            => db.StringSetAsync(s.key, s.Value, s.expiry, s.onlyIfMissing ? When.NotExists : When.Always));

    public Task<bool> ExistsAsync(string key)
        => RunAsync("EXISTS", (key, _readFlags), static (db, s) => db.KeyExistsAsync(s.key, s._readFlags));

    public Task<bool> DeleteAsync(string key)
        => RunAsync("DEL", key, static (db, k) => db.KeyDeleteAsync(k));

    public Task<long> IncrementAsync(string key, long delta)
        => RunAsync("INCRBY", (key, delta), static (db, s) => db.StringIncrementAsync(s.key, s.delta));

    public Task<bool[]> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, TimeSpan? expiry)
        => RunAsync("SET (pipelined)", (items, expiry), static (db, s) =>
        {
            // Issued back to back without awaiting, so the client pipelines them on one connection per server.
            var writes = new Task<bool>[s.items.Count];
            for (int i = 0; i < writes.Length; i++)
            {
                writes[i] = db.StringSetAsync(s.items[i].Key, ToArray(s.items[i].Value), s.expiry);
            }

            return Task.WhenAll(writes);
        });

    private static byte[] ToArray(ReadOnlyMemory<byte> value)
        => MemoryMarshal.TryGetArray(value, out ArraySegment<byte> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : value.ToArray();
}
