using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="IMemoizeVersionGrain.ResetAsync"/>.</summary>
public sealed class MemoizeVersionResetRequest : GrainRequest<string>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static MemoizeVersionResetRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(IMemoizeVersionGrain.ResetAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(IMemoizeVersionGrain);

    /// <inheritdoc/>
    public override ValueTask<string> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMemoizeVersionGrain)grain).ResetAsync(cancellationToken);
}
