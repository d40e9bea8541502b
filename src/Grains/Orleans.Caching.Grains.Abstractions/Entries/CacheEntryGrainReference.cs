using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>A reference to a <see cref="ICacheEntryGrain"/>: turns each method call into its request and sends it through the invoker.</summary>
public sealed class CacheEntryGrainReference : GrainReference, ICacheEntryGrain
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntryGrainReference"/> class.</summary>
    /// <param name="grainId">The grain (of type <see cref="CacheGrainTypes.Entry"/>).</param>
    /// <param name="invoker">Delivers the calls.</param>
    public CacheEntryGrainReference(GrainId grainId, IGrainCallInvoker invoker)
        : base(grainId, invoker)
    {
    }

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(CacheEntryGetRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<CacheEntrySnapshot?> GetEntryAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(CacheEntryGetEntryRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> HasAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(CacheEntryHasRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> SetAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntrySetRequest(value, timeToLive), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> AddAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntryAddRequest(value, timeToLive), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(CacheEntryDeleteRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> IncrementAsync(long delta, TimeSpan? timeToLiveIfCreated, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntryIncrementRequest(delta, timeToLiveIfCreated), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> TouchAsync(TimeSpan? timeToLive, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntryTouchRequest(timeToLive), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<CacheLeaseResult> GetOrLeaseAsync(TimeSpan leaseDuration, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntryGetOrLeaseRequest(leaseDuration), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseLeaseAsync(long leaseId, CancellationToken cancellationToken = default)
        => InvokeAsync(new CacheEntryReleaseLeaseRequest(leaseId), cancellationToken);
}
