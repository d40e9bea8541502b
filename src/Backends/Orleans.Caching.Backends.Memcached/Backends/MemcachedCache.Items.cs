using Orleans.Caching.Backends.Memcached;
using Orleans.Caching.Memcached.Client;

namespace Orleans.Caching;

public partial class MemcachedCache
{
    /// <summary>An absolute Unix time in January 1970 (just over memcached's 30-day relative limit): an already expired item.</summary>
    private const uint AlreadyExpired = 2_592_001;

    /// <summary>Converts a timeout into memcached's expiry: 0 never, otherwise an absolute Unix time (capped at 2038, memcached's limit).</summary>
    private protected uint ExpiryFor(CacheTimeout timeout)
    {
        if (timeout.IsNever)
        {
            return 0;
        }

        if (timeout.IsExpired)
        {
            return AlreadyExpired;
        }

        long absolute = TimeProvider.GetUtcNow().ToUnixTimeSeconds() + timeout.Seconds;
        return (uint)Math.Clamp(absolute, AlreadyExpired, int.MaxValue);
    }

    /// <summary>The largest expiry memcached reads as relative seconds (30 days); larger values are absolute Unix times.</summary>
    private const long MaxRelativeExpiry = 2_592_000;

    /// <summary>
    /// Converts an absolute expiry (as kept in the flags) into the exptime sent to the server. memcached's clock ticks in whole seconds
    /// and expires an item at the tick that reaches its time, so an exptime r seconds ahead lives between r − 1 and r seconds, and an
    /// absolute time is further skewed by the server's own clock. The entry is sent as relative seconds (within 30 days) plus one, so
    /// it lives at least its timeout and at most one second longer; beyond 30 days the absolute time plus one.
    /// </summary>
    private uint WireExpiry(uint absoluteExpiry)
    {
        if (absoluteExpiry == 0 || absoluteExpiry == AlreadyExpired)
        {
            return absoluteExpiry;
        }

        long remaining = absoluteExpiry - TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (remaining <= 0)
        {
            return AlreadyExpired;
        }

        return remaining < MaxRelativeExpiry ? (uint)(remaining + 1) : (uint)Math.Min((long)absoluteExpiry + 1, int.MaxValue);
    }

    /// <summary>Reads an item's absolute expiry: the remaining TTL the server reports (meta protocol), checked against the expiry this
    /// client keeps in the flags; the flags alone on the binary protocol.</summary>
    private protected DateTimeOffset? ExpiresAt(MemcachedItem item)
    {
        bool flagsAreExpiry = item.Flags >= AlreadyExpired;
        if (item.TimeToLive is not { } ttl)
        {
            return flagsAreExpiry ? DateTimeOffset.FromUnixTimeSeconds(item.Flags) : null;
        }

        if (ttl < 0)
        {
            return null;
        }

        long derived = TimeProvider.GetUtcNow().ToUnixTimeSeconds() + ttl;
        return DateTimeOffset.FromUnixTimeSeconds(flagsAreExpiry && Math.Abs(item.Flags - derived) <= 2 ? item.Flags : derived);
    }

    /// <summary>Rejects a value that cannot fit one item with its key.</summary>
    private protected void CheckItemSize(string key, byte[] storedKey, int valueLength)
    {
        int limit = MemcachedOptions.MaxItemBytes - ItemOverheadBytes - storedKey.Length;
        if (valueLength > limit)
        {
            throw new CacheValueTooLargeException(key, valueLength, limit, ItemSizeSetting);
        }
    }

    /// <summary>Reads an item; a server that is down makes it a miss (logged).</summary>
    private protected async ValueTask<MemcachedItem?> ReadItemAsync(string key, byte[] storedKey, bool withValue, CancellationToken cancellationToken)
    {
        MemcachedNode node = Client.Locate(storedKey);
        if (!Client.IsAvailable(node))
        {
            Log.ReadMissOnUnavailableServer(Logger, key, node.Name);
            return null;
        }

        try
        {
            return await Client.ExecuteAsync(node, (storedKey, withValue),
                static (connection, state, token) => connection.GetAsync(state.storedKey, state.withValue, token), cancellationToken).ConfigureAwait(false);
        }
        catch (MemcachedServerUnavailableException)
        {
            Log.ReadMissOnUnavailableServer(Logger, key, node.Name);
            return null;
        }
    }

    /// <summary>Stores an item, the absolute expiry kept in its flags; a value the server refuses as too large raises <see cref="CacheValueTooLargeException"/>.</summary>
    private protected async ValueTask<StoreResult> StoreAsync(string key, byte[] storedKey, StoreMode mode, ReadOnlyMemory<byte> value, uint expiry, ulong cas, CancellationToken cancellationToken)
    {
        StoreResult result = await Client.ExecuteAsync(Client.Locate(storedKey), (storedKey, mode, value, flags: expiry, exptime: WireExpiry(expiry), cas),
            static (connection, s, token) => connection.StoreAsync(s.mode, s.storedKey, s.value, s.flags, s.exptime, s.cas, token), cancellationToken).ConfigureAwait(false);
        if (result == StoreResult.TooLarge)
        {
            throw new CacheValueTooLargeException(key, value.Length, MemcachedOptions.MaxItemBytes - ItemOverheadBytes - storedKey.Length,
                ItemSizeSetting + "; the server refused it, so its item size is smaller than MaxItemBytes says, and memcached dropped the old value");
        }

        return result;
    }

    /// <summary>Deletes items without per-key answers, one round trip per server.</summary>
    private protected async ValueTask DeleteQuietAsync(IReadOnlyList<byte[]> storedKeys, CancellationToken cancellationToken)
    {
        if (storedKeys.Count == 0)
        {
            return;
        }

        var byNode = new Dictionary<MemcachedNode, List<byte[]>>();
        foreach (byte[] storedKey in storedKeys)
        {
            MemcachedNode node = Client.Locate(storedKey);
            if (!byNode.TryGetValue(node, out List<byte[]>? keys))
            {
                byNode[node] = keys = [];
            }

            keys.Add(storedKey);
        }

        foreach ((MemcachedNode node, List<byte[]> keys) in byNode)
        {
            await Client.ExecuteAsync(node, keys, static async (connection, k, token) =>
            {
                await connection.DeleteQuietAsync(k, token).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
