using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="IMemoizeVersionGrain.GetOrCreateAsync"/>.</summary>
public sealed class MemoizeVersionGetOrCreateRequest : GrainRequest<string>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static MemoizeVersionGetOrCreateRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(IMemoizeVersionGrain.GetOrCreateAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(IMemoizeVersionGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<string> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMemoizeVersionGrain)grain).GetOrCreateAsync(cancellationToken);
}
