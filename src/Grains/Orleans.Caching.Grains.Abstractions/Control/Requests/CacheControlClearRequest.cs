using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheClusterControl.ClearAsync"/>.</summary>
public sealed class CacheControlClearRequest : GrainRequest<bool>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static CacheControlClearRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheClusterControl.ClearAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheClusterControl);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheClusterControl)grain).ClearAsync(cancellationToken);
}
