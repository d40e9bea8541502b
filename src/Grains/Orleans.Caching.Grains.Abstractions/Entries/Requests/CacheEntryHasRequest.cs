using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.HasAsync"/>.</summary>
public sealed class CacheEntryHasRequest : GrainRequest<bool>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static CacheEntryHasRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.HasAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsReadOnly => true;

    /// <inheritdoc/>
    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).HasAsync(cancellationToken);
}
