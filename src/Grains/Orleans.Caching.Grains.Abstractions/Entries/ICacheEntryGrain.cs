using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The grain of one cache key (grain type <c>cache-entry</c>, key = the cache key, prefix included). It holds the value in
/// memory with an absolute expiry and persists it to the silo's storage with the same time-to-live.
/// </summary>
/// <remarks>
/// Time-to-live arguments: <see langword="null"/> never expires; zero or negative is already expired (the write succeeds and
/// the key reads as missing). Callers resolve the cache's default timeout before calling. Expired values read as missing and
/// are cleared lazily.
/// </remarks>
public interface ICacheEntryGrain : IGrainWithStringKey
{
    /// <summary>Reads the value.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or <see langword="null"/> if missing or expired.</returns>
    ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the value with its expiry.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or <see langword="null"/> if missing or expired.</returns>
    ValueTask<CacheEntrySnapshot?> GetEntryAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells whether a live value is held.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if present and unexpired.</returns>
    ValueTask<bool> HasAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a value; also completes any single-flight lease on the key.</summary>
    /// <param name="value">The bytes.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> once stored (with write-through, once storage has it).</returns>
    ValueTask<bool> SetAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Stores a value only if no live value is held.</summary>
    /// <param name="value">The bytes.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if stored.</returns>
    ValueTask<bool> AddAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Removes the value.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if a live value was removed.</returns>
    ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds to the integer value atomically (stored as ASCII decimal); a missing value counts from 0.</summary>
    /// <param name="delta">The amount to add; may be negative.</param>
    /// <param name="timeToLiveIfCreated">The time-to-live of a counter this call creates; an existing value keeps its expiry (as Redis <c>INCRBY</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new value.</returns>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    ValueTask<long> IncrementAsync(long delta, TimeSpan? timeToLiveIfCreated, CancellationToken cancellationToken = default);

    /// <summary>Gives a live value a new time-to-live.</summary>
    /// <param name="timeToLive">The new time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if a live value was touched.</returns>
    ValueTask<bool> TouchAsync(TimeSpan? timeToLive, CancellationToken cancellationToken = default);

    /// <summary>
    /// Single-flight read: returns the value if there is one; otherwise the first caller gets a lease to compute it and later
    /// callers wait (without blocking the grain) until the holder stores a value (<see cref="SetAsync"/>), releases the lease,
    /// or the lease expires, and then try again.
    /// </summary>
    /// <param name="leaseDuration">How long a granted lease lasts before waiters are released to retry.</param>
    /// <param name="cancellationToken">Cancels the call (and the wait).</param>
    /// <returns>The value, or a lease to compute it.</returns>
    ValueTask<CacheLeaseResult> GetOrLeaseAsync(TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Gives up a lease without storing a value (the computation failed); waiters retry and one of them gets a lease.</summary>
    /// <param name="leaseId">The lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if the lease was current.</returns>
    ValueTask<bool> ReleaseLeaseAsync(long leaseId, CancellationToken cancellationToken = default);
}
