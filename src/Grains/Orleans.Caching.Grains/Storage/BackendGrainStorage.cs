using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// Persists grain state to a cache backend, in exactly the form direct mode stores it: the backend key is the grain's key
/// (the backend applies its own prefix), the value is the raw value bytes, and the time-to-live is native — so
/// <c>redis-cli GET key</c> shows what a grain wrote, and a direct-mode client reads it.
/// </summary>
/// <remarks>
/// <para>The ETag of a record is the lower-case hex XXH64 of its value bytes, seeded with whether it expires. The expiry instant
/// is left out on purpose: backends with relative time-to-live (Redis <c>PTTL</c>, memcached) report it as "now + remaining",
/// which moves by milliseconds between two reads, so it would make every write look like a conflict. A conflict therefore
/// means another writer stored different bytes (or made the entry permanent or expiring).</para>
/// <para>With <see cref="BackendGrainStorageOptions.VerifyETags"/>, a write or clear first re-reads the record and refuses with
/// <see cref="InconsistentStateException"/> (and a warning) when it holds another version than expected. A record that is gone
/// (expired or evicted) is never a conflict: caches drop entries on their own. <see cref="GrainStorageETags.Any"/> skips the
/// check.</para>
/// <para>The check and the write are two backend operations, not one atomic step: it stops a stale activation from
/// overwriting a newer version in every case but a race within that window.</para>
/// </remarks>
public sealed class BackendGrainStorage : IGrainStorage
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly bool _verifyETags;

    /// <summary>Initializes a new instance of the <see cref="BackendGrainStorage"/> class.</summary>
    /// <param name="backend">The backend that holds the records.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock that turns expiries into time-to-live; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Receives ETag conflicts.</param>
    public BackendGrainStorage(ICacheBackend backend, BackendGrainStorageOptions? options = null, TimeProvider? timeProvider = null, ILogger<BackendGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
        _verifyETags = (options ?? new BackendGrainStorageOptions()).VerifyETags;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Gets the backend that holds the records.</summary>
    public ICacheBackend Backend { get; }

    /// <inheritdoc/>
    public async ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        CacheEntry? entry = await Backend.GetEntryAsync(grainId.Key, cancellationToken).ConfigureAwait(false);
        return entry is null ? GrainStateRecord.None : new GrainStateRecord(entry.Value, entry.ExpiresAt, ComputeETag(entry.Value, entry.ExpiresAt));
    }

    /// <inheritdoc/>
    /// <remarks>An <paramref name="expiresAt"/> already past deletes the record instead.</remarks>
    /// <exception cref="CacheException">The backend did not store the value.</exception>
    public async ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
    {
        await VerifyAsync(grainId, expectedETag, "write", cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (expiresAt is { } deadline && deadline <= now)
        {
            await Backend.DeleteAsync(grainId.Key, cancellationToken).ConfigureAwait(false);
            return ComputeETag(value.Span, expiresAt);
        }

        CacheTimeout timeout = expiresAt is { } at ? CacheTimeout.FromTimeSpan(at - now) : CacheTimeout.Never;
        if (!await Backend.SetAsync(grainId.Key, value, timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new CacheException($"The storage backend did not store the state of grain {grainId}.");
        }

        return ComputeETag(value.Span, expiresAt);
    }

    /// <inheritdoc/>
    public async ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        await VerifyAsync(grainId, expectedETag, "clear", cancellationToken).ConfigureAwait(false);
        await Backend.DeleteAsync(grainId.Key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes the ETag of a record: lower-case hex XXH64 of the value, seeded with whether it expires.</summary>
    /// <param name="value">The value bytes.</param>
    /// <param name="expiresAt">The expiry, or <see langword="null"/> if none.</param>
    /// <returns>16 hex digits.</returns>
    internal static string ComputeETag(ReadOnlySpan<byte> value, DateTimeOffset? expiresAt)
        => StableHash.XxHash64(value, expiresAt is null ? 0UL : 1UL).ToString("x16", CultureInfo.InvariantCulture);

    private async ValueTask VerifyAsync(GrainId grainId, string? expectedETag, string operation, CancellationToken cancellationToken)
    {
        if (!_verifyETags || expectedETag == GrainStorageETags.Any)
        {
            return;
        }

        CacheEntry? current = await Backend.GetEntryAsync(grainId.Key, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return;
        }

        string stored = ComputeETag(current.Value, current.ExpiresAt);
        if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
        {
            Log.GrainStorageETagConflict(_logger, grainId, expectedETag, stored, operation);
            throw new InconsistentStateException(grainId, expectedETag, stored);
        }
    }
}
