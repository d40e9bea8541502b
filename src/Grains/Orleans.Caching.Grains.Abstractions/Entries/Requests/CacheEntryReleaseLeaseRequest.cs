using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.ReleaseLeaseAsync"/>.</summary>
public sealed class CacheEntryReleaseLeaseRequest : GrainRequest<bool>
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntryReleaseLeaseRequest"/> class.</summary>
    /// <param name="leaseId">The lease to give up.</param>
    public CacheEntryReleaseLeaseRequest(long leaseId)
    {
        LeaseId = leaseId;
    }

    /// <summary>Gets the argument <c>leaseId</c>: the lease to give up.</summary>
    public long LeaseId { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.ReleaseLeaseAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override int ArgumentCount => 1;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => LeaseId,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).ReleaseLeaseAsync(LeaseId, cancellationToken);
}
