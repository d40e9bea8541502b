#pragma warning disable CA2007 // Grain methods await on the activation's context: their continuations must stay in the grain's turn.

using System.Security.Cryptography;
using System.Text;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The grain of one memoized function's version key (type <c>memoize-version</c>): a 6-character random version with an
/// absolute expiry, persisted as the UTF-8 bytes of the version with the same time-to-live.
/// </summary>
/// <remarks>
/// <para>The version is the first 6 characters of the base64 text of 16 random bytes, as Flask-Caching makes it from a UUID.
/// A created or reset version has no deadline until the first <see cref="RefreshAsync"/> gives it one.</para>
/// <para><see cref="RefreshAsync"/> only ever extends: the new expiry is the later of the current one and now + the entry's
/// time-to-live, and a <see langword="null"/> time-to-live makes the version permanent. Flask-Caching instead overwrites the
/// version key's timeout with each entry's, so an entry written with a short timeout after one with a long timeout can make
/// the version expire first and orphan the long-lived entry early; taking the maximum keeps the version alive as long as
/// any entry written under it.</para>
/// <para>Storage holds no expiry both for "no deadline yet" and "permanent", so a reloaded version without expiry waits for
/// its next refresh: after a reactivation, a permanent version can take the deadline of a later, finite refresh (entries
/// written without a timeout under it are then recomputed once it expires).</para>
/// </remarks>
public sealed class MemoizeVersionGrain : Grain, IMemoizeVersionGrain
{
    private const long Never = long.MaxValue;
    private const long AwaitingRefresh = long.MaxValue - 1;
    private const int VersionLength = 6;
    private const int RandomBytes = 16;

    private string? _version;
    private long _expiresAt;
    private string? _etag;

    /// <inheritdoc/>
    public override long EstimatedSize => 32;

    /// <inheritdoc/>
    /// <remarks>Reads the version from storage; an already-expired record reads as missing.</remarks>
    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainStateRecord record = await Context.Storage.ReadAsync(GrainId, cancellationToken);
        _etag = record.ETag;
        long expiresAt = record.ExpiresAt?.UtcTicks ?? AwaitingRefresh;
        if (record.Value is not null && (expiresAt >= AwaitingRefresh || NowTicks() < expiresAt))
        {
            _version = Encoding.UTF8.GetString(record.Value);
            _expiresAt = expiresAt;
        }
    }

    /// <inheritdoc/>
    public ValueTask<string> GetOrCreateAsync(CancellationToken cancellationToken = default)
    {
        string? version = LiveVersion();
        return version is not null ? ValueTask.FromResult(version) : CreateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<string> ResetAsync(CancellationToken cancellationToken = default) => CreateAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        bool live = LiveVersion() is not null;
        if (_etag is not null || _version is not null)
        {
            await Context.Storage.ClearAsync(GrainId, _etag, cancellationToken);
        }

        _version = null;
        _expiresAt = 0;
        _etag = null;
        return live;
    }

    /// <inheritdoc/>
    /// <remarks>Without a live version there is nothing to keep alive and nothing changes. A zero or negative time-to-live
    /// (an entry that is already expired) changes nothing either.</remarks>
    public async ValueTask RefreshAsync(TimeSpan? entryTimeToLive, CancellationToken cancellationToken = default)
    {
        string? version = LiveVersion();
        if (version is null || _expiresAt == Never)
        {
            return;
        }

        long target;
        if (entryTimeToLive is not { } ttl)
        {
            target = Never;
        }
        else if (ttl <= TimeSpan.Zero)
        {
            return;
        }
        else
        {
            long now = NowTicks();
            target = ttl.Ticks >= DateTimeOffset.MaxValue.UtcTicks - now ? Never : now + ttl.Ticks;
        }

        if (target == Never && _expiresAt == AwaitingRefresh)
        {
            // Storage already holds the version without expiry.
            _expiresAt = Never;
        }
        else if (_expiresAt == AwaitingRefresh || target > _expiresAt)
        {
            await StoreAsync(version, target, cancellationToken);
        }
    }

    private async ValueTask<string> CreateAsync(CancellationToken cancellationToken)
    {
        string version = NewVersion();
        await StoreAsync(version, AwaitingRefresh, cancellationToken);
        return version;
    }

    // Writes through storage, then commits to memory: a failed write changes nothing.
    private async ValueTask StoreAsync(string version, long expiresAt, CancellationToken cancellationToken)
    {
        DateTimeOffset? expiry = expiresAt >= AwaitingRefresh ? null : new DateTimeOffset(expiresAt, TimeSpan.Zero);
        string etag = await Context.Storage.WriteAsync(GrainId, Encoding.UTF8.GetBytes(version), expiry, _etag, cancellationToken);
        _version = version;
        _expiresAt = expiresAt;
        _etag = etag;
    }

    private string? LiveVersion()
    {
        string? version = _version;
        if (version is null || _expiresAt >= AwaitingRefresh || NowTicks() < _expiresAt)
        {
            return version;
        }

        _version = null;
        return null;
    }

    private long NowTicks() => Context.TimeProvider.GetUtcNow().UtcTicks;

    private static string NewVersion()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToBase64String(random)[..VersionLength];
    }
}
