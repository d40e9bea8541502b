using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The cache's per-silo system target (grain type <c>sys.cache-control</c>, key = the silo's address; see <see cref="SystemTargets"/>):
/// batch operations a client sends as one frame per owner silo, and <c>clear</c>. Keys are full cache keys (prefix applied); each key
/// is served by its <see cref="ICacheEntryGrain"/>, on this silo when it owns the key, else forwarded by the silo.
/// </summary>
public interface ICacheClusterControl : IGrainWithStringKey
{
    /// <summary>Reads several keys.</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values in key order; <see langword="null"/> for a missing key.</returns>
    ValueTask<byte[]?[]> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes several keys with one time-to-live.</summary>
    /// <param name="items">The full keys and their values.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether each write succeeded, in item order.</returns>
    ValueTask<bool[]> SetManyAsync(IReadOnlyList<KeyValuePair<string, byte[]>> items, TimeSpan? timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Deletes several keys.</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether each key held a value, in key order.</returns>
    ValueTask<bool[]> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Clears this silo's storage and drops its cache activations (<see cref="ICacheSiloControl.ClearAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if the storage reported the clear as done.</returns>
    ValueTask<bool> ClearAsync(CancellationToken cancellationToken = default);
}
