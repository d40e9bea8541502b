namespace Orleans.Caching.Grains;

/// <content>Single-flight leases: the first caller on a miss computes the value while later callers wait off-turn.</content>
public sealed partial class CacheEntryGrain
{
    // Unique within the process and increasing; the random start makes an id from before a silo restart unlikely to match.
    private static long s_lastLeaseId = Random.Shared.NextInt64(0, long.MaxValue / 2);

    private CacheEntryLease? _lease;

    /// <summary>Gets a value indicating whether the grain holds lease state (for tests: most grains never lease).</summary>
    internal bool HoldsLeaseState => _lease is not null;

    /// <inheritdoc/>
    /// <remarks>A live value is a hit. With no lease, or an expired one, the caller gets a new lease lasting
    /// <paramref name="leaseDuration"/>; while another caller holds a live lease the answer is "wait" with a signal that completes
    /// when a value is stored, the lease is released, or it expires.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseDuration"/> is not positive.</exception>
    public ValueTask<CacheLeaseResult> GetOrLeaseAsync(TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        byte[]? value = LiveValue();
        if (value is not null)
        {
            return ValueTask.FromResult(CacheLeaseResult.Hit(value));
        }

        long now = NowTicks();
        if (_lease is { } held && now < held.ExpiresAt)
        {
            return ValueTask.FromResult(CacheLeaseResult.Wait(held.Signal));
        }

        EndLease();
        long id = Interlocked.Increment(ref s_lastLeaseId);
        long expiresAt = leaseDuration.Ticks >= DateTimeOffset.MaxValue.UtcTicks - now ? long.MaxValue : now + leaseDuration.Ticks;
        _lease = new CacheEntryLease(id, expiresAt, leaseDuration, Context.TimeProvider);
        return ValueTask.FromResult(CacheLeaseResult.Leased(id));
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseLeaseAsync(long leaseId, CancellationToken cancellationToken = default)
    {
        if (_lease is not { } held || held.Id != leaseId)
        {
            return ValueTask.FromResult(false);
        }

        bool current = NowTicks() < held.ExpiresAt;
        EndLease();
        return ValueTask.FromResult(current);
    }

    // Releases the waiters of the lease, if any, and forgets it.
    private void EndLease()
    {
        if (_lease is { } held)
        {
            _lease = null;
            held.Complete();
        }
    }
}
