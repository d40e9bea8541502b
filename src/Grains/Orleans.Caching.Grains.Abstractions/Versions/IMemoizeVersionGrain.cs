using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The grain of one memoized function's version key (grain type <c>memoize-version</c>, key = <c>fname_memver</c> or
/// <c>fname.identity_memver</c>). Its 6-character version hash is part of every memoize key of that function or instance, so
/// replacing it invalidates them all at once.
/// </summary>
public interface IMemoizeVersionGrain : IGrainWithStringKey
{
    /// <summary>Returns the version, creating one (never expiring until refreshed) if there is none. Atomic: never two versions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The 6-character version hash.</returns>
    ValueTask<string> GetOrCreateAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the version with a new random one (<c>delete_memoized</c> without arguments); old entries are orphaned.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new version.</returns>
    ValueTask<string> ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the version (<c>delete_memoized_verhash</c>); the next call creates a new one.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if there was a version.</returns>
    ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the version alive at least as long as an entry just written with <paramref name="entryTimeToLive"/>
    /// (reference §2.4: the version key outlives the newest entry and disappears once all its entries could have expired).
    /// Never shortens the version's life.
    /// </summary>
    /// <param name="entryTimeToLive">The entry's time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the version's expiry is updated.</returns>
    ValueTask RefreshAsync(TimeSpan? entryTimeToLive, CancellationToken cancellationToken = default);
}
