using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.GetEntryAsync"/>.</summary>
public sealed class CacheEntryGetEntryRequest : GrainRequest<CacheEntrySnapshot?>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static CacheEntryGetEntryRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.GetEntryAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsReadOnly => true;

    /// <inheritdoc/>
    public override ValueTask<CacheEntrySnapshot?> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).GetEntryAsync(cancellationToken);
}
