using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheClusterControl.DeleteManyAsync"/>.</summary>
public sealed class CacheControlDeleteManyRequest : GrainRequest<bool[]>
{
    /// <summary>Initializes a new instance of the <see cref="CacheControlDeleteManyRequest"/> class.</summary>
    /// <param name="keys">The full keys.</param>
    public CacheControlDeleteManyRequest(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
    }

    /// <summary>Gets the argument <c>keys</c>: the full keys.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <inheritdoc/>
    public override int ArgumentCount => 1;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index == 0 ? Keys : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheClusterControl.DeleteManyAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheClusterControl);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<bool[]> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheClusterControl)grain).DeleteManyAsync(Keys, cancellationToken);
}
