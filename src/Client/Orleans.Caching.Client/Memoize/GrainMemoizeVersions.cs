using Orleans.Caching.Grains;

namespace Orleans.Caching;

/// <summary>
/// Memoize versions held by version grains (<see cref="IMemoizeVersionGrain"/>, one per version key): creation is atomic in the grain,
/// so concurrent first calls never see two versions of one function, and a reset or delete is one grain call.
/// </summary>
internal sealed class GrainMemoizeVersions : IMemoizeVersionSource
{
    private readonly IGrainCacheCapabilities _grains;

    public GrainMemoizeVersions(IGrainCacheCapabilities grains) => _grains = grains;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<string>> GetOrCreateAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken)
    {
        var calls = new ValueTask<string>[versionKeys.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = _grains.GetVersionGrain(versionKeys[i]).GetOrCreateAsync(cancellationToken);
        }

        return GrainCalls.WhenAllAsync(calls);
    }

    /// <inheritdoc/>
    public async ValueTask RefreshAsync(IReadOnlyList<string> versionKeys, CacheTimeout? entryTimeout, CancellationToken cancellationToken)
    {
        TimeSpan? timeToLive = GrainCache.ToTimeToLive(entryTimeout ?? _grains.DefaultTimeout);
        if (versionKeys.Count == 1)
        {
            await _grains.GetVersionGrain(versionKeys[0]).RefreshAsync(timeToLive, cancellationToken).ConfigureAwait(false);
            return;
        }

        var calls = new Task[versionKeys.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = _grains.GetVersionGrain(versionKeys[i]).RefreshAsync(timeToLive, cancellationToken).AsTask();
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask ResetAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken)
        => await _grains.GetVersionGrain(versionKeys[^1]).ResetAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string versionKey, CancellationToken cancellationToken)
        => await _grains.GetVersionGrain(versionKey).DeleteAsync(cancellationToken).ConfigureAwait(false);
}
