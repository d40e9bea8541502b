namespace Orleans.Caching;

/// <summary>
/// Where memoize keeps the version of each function and instance (Flask-Caching's <c>_memoize_version</c>): version keys in the
/// cache itself (<see cref="MemoizeVersions"/>, direct mode) or version grains (<see cref="GrainMemoizeVersions"/>, grain modes).
/// A <see cref="Cache"/> picks one when first needed, from its backend.
/// </summary>
internal interface IMemoizeVersionSource
{
    /// <summary>Returns the version of each key, creating missing ones.</summary>
    /// <param name="versionKeys">The version keys (the function's, then the instance's).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One 6-character version per key.</returns>
    ValueTask<IReadOnlyList<string>> GetOrCreateAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken);

    /// <summary>Keeps the versions alive at least as long as an entry just written with <paramref name="entryTimeout"/>.</summary>
    /// <param name="versionKeys">The version keys.</param>
    /// <param name="entryTimeout">The entry's timeout; <see langword="null"/> for the backend default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the versions are refreshed.</returns>
    ValueTask RefreshAsync(IReadOnlyList<string> versionKeys, CacheTimeout? entryTimeout, CancellationToken cancellationToken);

    /// <summary>Gives the last version key a new version (<c>delete_memoized</c> without arguments).</summary>
    /// <param name="versionKeys">The version keys; the last one is reset.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the version is replaced.</returns>
    ValueTask ResetAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken);

    /// <summary>Deletes a version (<c>delete_memoized_verhash</c>); the next call creates a new one.</summary>
    /// <param name="versionKey">The version key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the version is deleted.</returns>
    ValueTask DeleteAsync(string versionKey, CancellationToken cancellationToken);
}
