using System.Security.Cryptography;

namespace Orleans.Caching;

/// <summary>
/// Version keys of memoized functions kept in the cache itself (Flask-Caching's <c>_memoize_version</c>): the direct-mode
/// <see cref="IMemoizeVersionSource"/>. Every operation goes through the public virtual methods of <see cref="Cache"/>, so a
/// subclass sees the <c>get_many</c>/<c>set_many</c>/<c>delete_many</c> calls Flask-Caching's tests assert.
/// </summary>
internal sealed class MemoizeVersions : IMemoizeVersionSource
{
    private readonly Cache _cache;

    public MemoizeVersions(Cache cache) => _cache = cache;

    /// <summary>Returns a new version hash: the first 6 characters of the base64 of 16 random bytes.</summary>
    /// <returns>The version.</returns>
    public static string NewVersion() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))[..6];

    /// <summary>Reads the versions; if any is missing, creates it and writes all of them never to expire.</summary>
    /// <param name="versionKeys">The version keys.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One version per key.</returns>
    public async ValueTask<IReadOnlyList<string>> GetOrCreateAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken)
    {
        (string[] versions, bool dirty) = await ReadAsync(versionKeys, cancellationToken).ConfigureAwait(false);
        if (dirty)
        {
            await WriteAsync(versionKeys, versions, CacheTimeout.Never, cancellationToken).ConfigureAwait(false);
        }

        return versions;
    }

    /// <summary>After an entry is written, re-writes the version keys with the entry's timeout, so they live as long as the newest entry (#531).</summary>
    /// <param name="versionKeys">The version keys.</param>
    /// <param name="entryTimeout">The entry's timeout; <see langword="null"/> for the backend default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the keys are written.</returns>
    public async ValueTask RefreshAsync(IReadOnlyList<string> versionKeys, CacheTimeout? entryTimeout, CancellationToken cancellationToken)
    {
        (string[] versions, _) = await ReadAsync(versionKeys, cancellationToken).ConfigureAwait(false);
        await WriteAsync(versionKeys, versions, entryTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the last version key a new version (<c>delete_memoized</c> without arguments), orphaning its entries.</summary>
    /// <param name="versionKeys">The version keys; the last one is reset.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the keys are written.</returns>
    public async ValueTask ResetAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken)
    {
        (string[] versions, _) = await ReadAsync(versionKeys, cancellationToken).ConfigureAwait(false);
        versions[^1] = NewVersion();
        await WriteAsync(versionKeys, versions, CacheTimeout.Never, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a version key (<c>delete_memoized_verhash</c>); the next call creates a new version.</summary>
    /// <param name="versionKey">The version key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public async ValueTask DeleteAsync(string versionKey, CancellationToken cancellationToken)
        => await _cache.DeleteManyAsync([versionKey], cancellationToken).ConfigureAwait(false);

    private async ValueTask<(string[] Versions, bool Dirty)> ReadAsync(IReadOnlyList<string> versionKeys, CancellationToken cancellationToken)
    {
        IReadOnlyList<object?> stored = await _cache.GetManyAsync(versionKeys, typeof(string), cancellationToken).ConfigureAwait(false);
        var versions = new string[versionKeys.Count];
        bool dirty = false;
        for (int i = 0; i < versions.Length; i++)
        {
            if (stored[i] is string { Length: > 0 } version)
            {
                versions[i] = version;
            }
            else
            {
                versions[i] = NewVersion();
                dirty = true;
            }
        }

        return (versions, dirty);
    }

    private async ValueTask WriteAsync(IReadOnlyList<string> versionKeys, string[] versions, CacheTimeout? timeout, CancellationToken cancellationToken)
    {
        var mapping = new Dictionary<string, object?>(versionKeys.Count, StringComparer.Ordinal);
        for (int i = 0; i < versionKeys.Count; i++)
        {
            mapping[versionKeys[i]] = versions[i];
        }

        await _cache.SetManyAsync(mapping, timeout, cancellationToken).ConfigureAwait(false);
    }
}
