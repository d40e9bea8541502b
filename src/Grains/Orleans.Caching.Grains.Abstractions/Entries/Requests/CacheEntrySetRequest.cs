using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.SetAsync"/>.</summary>
public sealed class CacheEntrySetRequest : GrainRequest<bool>
{
    /// <summary>Initializes a new instance of the <see cref="CacheEntrySetRequest"/> class.</summary>
    /// <param name="value">The bytes to store.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    public CacheEntrySetRequest(byte[] value, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        TimeToLive = timeToLive;
    }

    /// <summary>Gets the argument <c>value</c>: the bytes to store.</summary>
    public byte[] Value { get; }

    /// <summary>Gets the argument <c>timeToLive</c>: the time-to-live; <see langword="null"/> never expires.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.SetAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override int ArgumentCount => 2;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => Value,
        1 => TimeToLive,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).SetAsync(Value, TimeToLive, cancellationToken);
}
