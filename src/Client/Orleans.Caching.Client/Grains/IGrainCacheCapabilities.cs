using Orleans.Caching.Grains;

namespace Orleans.Caching;

/// <summary>
/// What a grain-backed cache offers the facade beyond <see cref="ICacheBackend"/>: single-flight reads of memoized entries and
/// the memoize version grains. <see cref="Cache"/> checks for it once, at construction, and picks its memoize paths accordingly.
/// </summary>
/// <remarks>Keys are the caller's keys: the implementation validates them and applies its prefix, as for every backend operation.</remarks>
internal interface IGrainCacheCapabilities
{
    /// <summary>Gets the timeout used when an operation passes none.</summary>
    CacheTimeout DefaultTimeout { get; }

    /// <summary>Reads a value, or takes the lease to compute it (<see cref="ICacheEntryGrain.GetOrLeaseAsync"/>); waiting for another
    /// caller's lease happens inside the runtime.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="leaseDuration">How long a granted lease lasts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or a lease.</returns>
    ValueTask<CacheLeaseResult> GetOrLeaseAsync(string key, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Gives up a lease without storing a value.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="leaseId">The lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if the lease was current.</returns>
    ValueTask<bool> ReleaseLeaseAsync(string key, long leaseId, CancellationToken cancellationToken);

    /// <summary>Gets the version grain of a memoize version key (<c>fname_memver</c>).</summary>
    /// <param name="versionKey">The version key.</param>
    /// <returns>The grain reference.</returns>
    IMemoizeVersionGrain GetVersionGrain(string versionKey);
}
