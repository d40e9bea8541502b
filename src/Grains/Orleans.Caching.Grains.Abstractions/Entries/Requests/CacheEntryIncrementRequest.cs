using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.IncrementAsync"/>.</summary>
public sealed class CacheEntryIncrementRequest : GrainRequest<long>
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntryIncrementRequest"/> class.</summary>
    /// <param name="delta">The amount to add; may be negative.</param>
    /// <param name="timeToLiveIfCreated">The time-to-live of a counter the call creates.</param>
    public CacheEntryIncrementRequest(long delta, TimeSpan? timeToLiveIfCreated)
    {
        Delta = delta;
        TimeToLiveIfCreated = timeToLiveIfCreated;
    }

    /// <summary>Gets the argument <c>delta</c>: the amount to add; may be negative.</summary>
    public long Delta { get; }

    /// <summary>Gets the argument <c>timeToLiveIfCreated</c>: the time-to-live of a counter the call creates.</summary>
    public TimeSpan? TimeToLiveIfCreated { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.IncrementAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override int ArgumentCount => 2;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => Delta,
        1 => TimeToLiveIfCreated,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override ValueTask<long> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).IncrementAsync(Delta, TimeToLiveIfCreated, cancellationToken);
}
