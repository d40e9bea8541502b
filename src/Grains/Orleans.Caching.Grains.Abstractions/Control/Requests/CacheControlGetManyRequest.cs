using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheClusterControl.GetManyAsync"/>.</summary>
public sealed class CacheControlGetManyRequest : GrainRequest<byte[]?[]>
{
    /// <summary>Initializes a new instance of the <see cref="CacheControlGetManyRequest"/> class.</summary>
    /// <param name="keys">The full keys.</param>
    public CacheControlGetManyRequest(IReadOnlyList<string> keys)
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
    public override string MethodName => nameof(ICacheClusterControl.GetManyAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheClusterControl);

    /// <inheritdoc/>
    public override bool IsReadOnly => true;

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<byte[]?[]> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheClusterControl)grain).GetManyAsync(Keys, cancellationToken);
}
