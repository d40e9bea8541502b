using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.DeleteAsync"/>.</summary>
public sealed class CacheEntryDeleteRequest : GrainRequest<bool>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static CacheEntryDeleteRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.DeleteAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).DeleteAsync(cancellationToken);
}
