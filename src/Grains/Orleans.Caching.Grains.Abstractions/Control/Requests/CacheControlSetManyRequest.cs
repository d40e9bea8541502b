using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheClusterControl.SetManyAsync"/>.</summary>
public sealed class CacheControlSetManyRequest : GrainRequest<bool[]>
{
    /// <summary>Initializes a new instance of the <see cref="CacheControlSetManyRequest"/> class.</summary>
    /// <param name="items">The full keys and their values.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    public CacheControlSetManyRequest(IReadOnlyList<KeyValuePair<string, byte[]>> items, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        TimeToLive = timeToLive;
    }

    /// <summary>Gets the argument <c>items</c>: the full keys and their values.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Items { get; }

    /// <summary>Gets the argument <c>timeToLive</c>: the time-to-live; <see langword="null"/> never expires.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <inheritdoc/>
    public override int ArgumentCount => 2;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => Items,
        1 => TimeToLive,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheClusterControl.SetManyAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheClusterControl);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<bool[]> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheClusterControl)grain).SetManyAsync(Items, TimeToLive, cancellationToken);
}
