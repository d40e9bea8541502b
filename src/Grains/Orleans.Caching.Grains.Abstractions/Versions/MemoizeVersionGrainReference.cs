using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>A reference to a <see cref="IMemoizeVersionGrain"/>: turns each method call into its request and sends it through the invoker.</summary>
public sealed class MemoizeVersionGrainReference : GrainReference, IMemoizeVersionGrain
{
    /// <summary>Initializes a new instance of the <see cref="MemoizeVersionGrainReference"/> class.</summary>
    /// <param name="grainId">The grain (of type <see cref="CacheGrainTypes.MemoizeVersion"/>).</param>
    /// <param name="invoker">Delivers the calls.</param>
    public MemoizeVersionGrainReference(GrainId grainId, IGrainCallInvoker invoker)
        : base(grainId, invoker)
    {
    }

    /// <inheritdoc/>
    public ValueTask<string> GetOrCreateAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(MemoizeVersionGetOrCreateRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<string> ResetAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(MemoizeVersionResetRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(MemoizeVersionDeleteRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask RefreshAsync(TimeSpan? entryTimeToLive, CancellationToken cancellationToken = default)
        => await InvokeAsync(new MemoizeVersionRefreshRequest(entryTimeToLive), cancellationToken).ConfigureAwait(false);
}
