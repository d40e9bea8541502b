using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="ICacheEntryGrain.GetAsync"/>.</summary>
public sealed class CacheEntryGetRequest : GrainRequest<byte[]?>
{
    /// <summary>Gets the shared instance: the request has no arguments, so one instance serves every call.</summary>
    public static CacheEntryGetRequest Instance { get; } = new();

    /// <inheritdoc/>
    public override string MethodName => nameof(ICacheEntryGrain.GetAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(ICacheEntryGrain);

    /// <inheritdoc/>
    public override bool IsReadOnly => true;

    /// <inheritdoc/>
    public override ValueTask<byte[]?> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((ICacheEntryGrain)grain).GetAsync(cancellationToken);
}
