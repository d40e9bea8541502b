using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

public partial class MemcachedCache
{
    /// <summary>How many times a contended compare-and-swap update is tried before giving up.</summary>
    private const int MaxCounterAttempts = 200;

    /// <inheritdoc/>
    protected override async ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
        => await IncrementItemAsync(key, MemcachedKey.Encode(key), delta, static value => value, cancellationToken).ConfigureAwait(false);

    /// <summary>Adds to the counter held by one item: natively (<c>incr</c>, or <c>add</c> when missing) for a non-negative delta on a
    /// non-negative counter, else by compare-and-swap, which writes the counter back as plain decimal text.</summary>
    /// <param name="key">The full key, for messages.</param>
    /// <param name="storedKey">The item's key.</param>
    /// <param name="delta">The amount to add.</param>
    /// <param name="decode">Extracts the counter text from a stored item (<see langword="null"/>: the item is no counter).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value.</returns>
    private protected async ValueTask<long> IncrementItemAsync(string key, byte[] storedKey, long delta, Func<byte[], byte[]?> decode, CancellationToken cancellationToken)
    {
        if (delta >= 0)
        {
            MemcachedNode node = Client.Locate(storedKey);
            for (int attempt = 0; attempt < MaxCounterAttempts; attempt++)
            {
                IncrementResult result = await Client.ExecuteAsync(node, (storedKey, (ulong)delta),
                    static (connection, s, token) => connection.IncrementAsync(s.storedKey, s.Item2, token), cancellationToken).ConfigureAwait(false);
                if (result.Status == IncrementStatus.Done)
                {
                    return result.Value <= long.MaxValue
                        ? (long)result.Value
                        : throw new CacheException($"The counter at key '{key}' overflowed a signed 64-bit integer.");
                }

                if (result.Status == IncrementStatus.NonNumeric)
                {
                    break;
                }

                uint expiry = ExpiryFor(DefaultTimeout);
                if (await StoreAsync(key, storedKey, StoreMode.Add, CacheCounter.Format(delta), expiry, 0, cancellationToken).ConfigureAwait(false) == StoreResult.Stored)
                {
                    return delta;
                }
            }
        }

        return await CompareAndSwapCounterAsync(key, storedKey, delta, decode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates a counter with get + compare-and-swap, retrying while other writers change it; a missing counter is created with
    /// <c>add</c> and the default timeout, an existing one keeps its expiry.</summary>
    /// <param name="key">The full key, for messages.</param>
    /// <param name="storedKey">The item's key.</param>
    /// <param name="delta">The amount to add.</param>
    /// <param name="decode">Extracts the counter text from a stored item (<see langword="null"/>: the item is no counter).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new value.</returns>
    private async ValueTask<long> CompareAndSwapCounterAsync(string key, byte[] storedKey, long delta, Func<byte[], byte[]?> decode, CancellationToken cancellationToken)
    {
        MemcachedNode node = Client.Locate(storedKey);
        for (int attempt = 0; attempt < MaxCounterAttempts; attempt++)
        {
            MemcachedItem? item = await Client.ExecuteAsync(node, storedKey,
                static (connection, k, token) => connection.GetAsync(k, withValue: true, token), cancellationToken).ConfigureAwait(false);
            if (item is not { } current)
            {
                uint expiry = ExpiryFor(DefaultTimeout);
                if (await StoreAsync(key, storedKey, StoreMode.Add, CacheCounter.Format(delta), expiry, 0, cancellationToken).ConfigureAwait(false) == StoreResult.Stored)
                {
                    return delta;
                }

                continue;
            }

            byte[] text = decode(current.Value!) ?? throw new CacheException($"The value at key '{key}' is not an integer, so it cannot be incremented or decremented.");
            long next = checked(CacheCounter.Parse(key, text) + delta);
            DateTimeOffset? expiresAt = ExpiresAt(current);
            uint keepExpiry = expiresAt is { } at ? (uint)Math.Clamp(at.ToUnixTimeSeconds(), AlreadyExpired, int.MaxValue) : 0;
            StoreResult stored = await StoreAsync(key, storedKey, StoreMode.Set, CacheCounter.Format(next), keepExpiry, current.Cas, cancellationToken).ConfigureAwait(false);
            if (stored == StoreResult.Stored)
            {
                return next;
            }
        }

        throw new CacheException($"The counter at key '{key}' changed on each of {MaxCounterAttempts} attempts to update it; nothing was changed by this call.");
    }
}
