using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.GetOrLeaseAsync"/>.</summary>
public sealed class CacheEntryGetOrLeaseRequest : GrainRequest<CacheLeaseResult>
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntryGetOrLeaseRequest"/> class.</summary>
    /// <param name="leaseDuration">How long a granted lease lasts.</param>
    public CacheEntryGetOrLeaseRequest(TimeSpan leaseDuration)
    {
        LeaseDuration = leaseDuration;
    }

    /// <summary>Gets the argument <c>leaseDuration</c>: how long a granted lease lasts.</summary>
    public TimeSpan LeaseDuration { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.GetOrLeaseAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override int ArgumentCount => 1;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => LeaseDuration,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override ValueTask<CacheLeaseResult> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).GetOrLeaseAsync(LeaseDuration, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Runs again once the lease holder stores a value, releases the lease, or the lease expires.</remarks>
    public override bool ShouldRunAgain(CacheLeaseResult result, out Task? signal)
    {
        signal = result.WaitSignal;
        return signal is not null;
    }
}
