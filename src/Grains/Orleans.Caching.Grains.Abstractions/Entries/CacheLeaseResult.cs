namespace Orleans.Caching.Grains;

/// <summary>The answer of <see cref="ICacheEntryGrain.GetOrLeaseAsync"/>: the value, or a lease to compute it.</summary>
public readonly record struct CacheLeaseResult
{
    /// <summary>Gets a value indicating whether a live value was found (<see cref="Value"/> holds it).</summary>
    public bool Found { get; init; }

    /// <summary>Gets the value when <see cref="Found"/>.</summary>
    public byte[]? Value { get; init; }

    /// <summary>Gets the lease granted to this caller (non-zero), or 0. The holder must store a value or release the lease.</summary>
    public long LeaseId { get; init; }

    /// <summary>Gets, inside the silo only, a signal to wait for before asking again (another caller holds the lease); never sent over the wire.</summary>
    public Task? WaitSignal { get; init; }

    /// <summary>Gets a value indicating whether this caller holds a lease.</summary>
    public bool HasLease => LeaseId != 0;

    /// <summary>A found value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static CacheLeaseResult Hit(byte[] value) => new() { Found = true, Value = value };

    /// <summary>A granted lease.</summary>
    /// <param name="leaseId">The lease.</param>
    /// <returns>The result.</returns>
    public static CacheLeaseResult Leased(long leaseId) => new() { LeaseId = leaseId };

    /// <summary>Another caller holds the lease.</summary>
    /// <param name="signal">Completes when asking again is worthwhile.</param>
    /// <returns>The result.</returns>
    public static CacheLeaseResult Wait(Task signal) => new() { WaitSignal = signal };
}
