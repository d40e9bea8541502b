namespace Orleans.Caching;

/// <summary>A single-flight lease held by this caller on a memoized entry (or none): settled by storing the value, else released.</summary>
internal readonly struct MemoizeLease
{
    private readonly IGrainCacheCapabilities? _grains;
    private readonly string? _key;
    private readonly long _leaseId;

    public MemoizeLease(IGrainCacheCapabilities grains, string key, long leaseId)
    {
        _grains = grains;
        _key = key;
        _leaseId = leaseId;
    }

    /// <summary>Gets a value indicating whether this caller holds a lease.</summary>
    public bool IsHeld => _leaseId != 0;

    /// <summary>Releases the lease without a value, so waiters retry and one of them computes. Never throws: a lease that cannot be
    /// released runs out by itself (<see cref="MemoizeOptions.LeaseDuration"/>).</summary>
    /// <param name="cache">The cache, for the log.</param>
    /// <returns>A task that completes when the lease is released or the failure logged.</returns>
    public async ValueTask ReleaseAsync(Cache cache)
    {
        if (_grains is null || _key is null)
        {
            return;
        }

        try
        {
            // Not the caller's token: a cancelled caller must still let the waiters go.
            await _grains.ReleaseLeaseAsync(_key, _leaseId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.LeaseReleaseFailed(cache.DecoratorLogger, ex, _key);
        }
    }
}
