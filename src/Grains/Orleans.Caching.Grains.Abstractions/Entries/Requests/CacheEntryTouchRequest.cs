using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.TouchAsync"/>.</summary>
public sealed class CacheEntryTouchRequest : GrainRequest<bool>
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntryTouchRequest"/> class.</summary>
    /// <param name="timeToLive">The new time-to-live; <see langword="null"/> never expires.</param>
    public CacheEntryTouchRequest(TimeSpan? timeToLive)
    {
        TimeToLive = timeToLive;
    }

    /// <summary>Gets the argument <c>timeToLive</c>: the new time-to-live; <see langword="null"/> never expires.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.TouchAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override int ArgumentCount => 1;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => TimeToLive,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).TouchAsync(TimeToLive, cancellationToken);
}
