using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Orleans.Caching.Grains;

namespace Orleans.Caching.Cluster.Tests.Client;

/// <summary>A cache-entry grain over a dictionary, for fake silos (no expiry, no leases).</summary>
internal sealed class DictionaryEntryGrain(ConcurrentDictionary<string, byte[]> store, string key) : ICacheEntryGrain
{
    public ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(store.TryGetValue(key, out byte[]? value) ? value : null);

    public ValueTask<CacheEntrySnapshot?> GetEntryAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(store.TryGetValue(key, out byte[]? value) ? new CacheEntrySnapshot(value, null) : null);

    public ValueTask<bool> HasAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(store.ContainsKey(key));

    public ValueTask<bool> SetAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
    {
        store[key] = value;
        return ValueTask.FromResult(true);
    }

    public ValueTask<bool> AddAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(store.TryAdd(key, value));

    public ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(store.TryRemove(key, out _));

    public ValueTask<long> IncrementAsync(long delta, TimeSpan? timeToLiveIfCreated, CancellationToken cancellationToken = default)
    {
        byte[] updated = store.AddOrUpdate(
            key,
            _ => Encoding.UTF8.GetBytes(delta.ToString(CultureInfo.InvariantCulture)),
            (_, old) => Encoding.UTF8.GetBytes((long.Parse(Encoding.UTF8.GetString(old), CultureInfo.InvariantCulture) + delta).ToString(CultureInfo.InvariantCulture)));
        return ValueTask.FromResult(long.Parse(Encoding.UTF8.GetString(updated), CultureInfo.InvariantCulture));
    }

    public ValueTask<bool> TouchAsync(TimeSpan? timeToLive, CancellationToken cancellationToken = default) => ValueTask.FromResult(store.ContainsKey(key));

    public ValueTask<CacheLeaseResult> GetOrLeaseAsync(TimeSpan leaseDuration, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The fake silo grants no leases.");

    public ValueTask<bool> ReleaseLeaseAsync(long leaseId, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The fake silo grants no leases.");
}
