using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="IMemoizeVersionGrain.DeleteAsync"/>.</summary>
public sealed class MemoizeVersionDeleteRequest : GrainRequest<bool>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static MemoizeVersionDeleteRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(IMemoizeVersionGrain.DeleteAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(IMemoizeVersionGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMemoizeVersionGrain)grain).DeleteAsync(cancellationToken);
}
