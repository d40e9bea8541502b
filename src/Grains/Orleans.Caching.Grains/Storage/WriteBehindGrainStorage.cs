using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The storage of <see cref="PersistenceMode.WriteBehind"/>: acknowledges writes and clears as soon as memory has them and
/// flushes them to an inner storage in the background.
/// </summary>
/// <remarks>
/// <para>Only the latest pending operation of each grain is kept: a write superseded by a newer one of the same grain before
/// the flush is never sent (coalescing). Reads return the pending state first, so a grain that is deactivated and
/// reactivated before the flush reads its own writes.</para>
/// <para>Every <see cref="WriteBehindGrainStorageOptions.FlushInterval"/> the due operations are flushed in batches of
/// <see cref="WriteBehindGrainStorageOptions.MaxBatchSize"/>. A failed operation stays pending, is logged, and is retried
/// with exponential backoff until it succeeds or is superseded; an acknowledged write is never dropped silently.
/// <see cref="FlushAsync"/> flushes everything at once (a silo calls it when it stops gracefully), and
/// <see cref="DisposeAsync"/> does too.</para>
/// <para>Storage is last-writer-wins: a flush expects the version it last read or wrote for the grain, and when storage holds
/// another (a conflict, logged as a warning) it overwrites it with <see cref="GrainStorageETags.Any"/>.</para>
/// <para>Loss window: writes acknowledged since the last successful flush — at most one flush interval's worth while
/// storage is healthy, more while it is failing — are lost if the process dies without a graceful stop.</para>
/// </remarks>
public sealed partial class WriteBehindGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string ETagPrefix = "wb:";
    private const int MaxBackoffDoublings = 20;

    private readonly IGrainStorage _inner;
    private readonly WriteBehindGrainStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<GrainId, PendingGrainWrite> _pending = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly ITimer _timer;
    private long _lastETag;
    private int _timerFlushRunning;
    private Task _backgroundFlush = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="WriteBehindGrainStorage"/> class and starts its flush timer.</summary>
    /// <param name="inner">The storage writes are flushed to.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the flush timer and retries; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Receives flush failures and conflicts.</param>
    public WriteBehindGrainStorage(IGrainStorage inner, WriteBehindGrainStorageOptions? options = null, TimeProvider? timeProvider = null, ILogger<WriteBehindGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _options = options ?? new WriteBehindGrainStorageOptions();
        Validate(_options);
        _inner = inner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _timer = _timeProvider.CreateTimer(static state => ((WriteBehindGrainStorage)state!).OnTimer(), this, _options.FlushInterval, _options.FlushInterval);
    }

    /// <summary>Gets the number of grains with an acknowledged write or clear not yet in the inner storage.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Gets the flush the timer started last, so tests can wait for it.</summary>
    internal Task BackgroundFlush => _backgroundFlush;

    /// <inheritdoc/>
    /// <remarks>A pending write or clear of the grain answers first; otherwise the inner storage does.</remarks>
    public ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(grainId, out PendingGrainWrite? pending))
            {
                return ValueTask.FromResult(pending.Value is null ? GrainStateRecord.None : new GrainStateRecord(pending.Value, pending.ExpiresAt, pending.ETag));
            }
        }

        return _inner.ReadAsync(grainId, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Returns at once with a synthetic ETag; the value is copied and flushed later.</remarks>
    public ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
        => ValueTask.FromResult(Enqueue(grainId, value.ToArray(), expiresAt, expectedETag));

    /// <inheritdoc/>
    /// <remarks>Returns at once; the clear is flushed later.</remarks>
    public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        Enqueue(grainId, null, null, expectedETag);
        return ValueTask.CompletedTask;
    }

    /// <summary>Flushes every pending operation now, retries included, and waits for them.</summary>
    /// <param name="cancellationToken">Cancels waiting; operations not flushed stay pending.</param>
    /// <returns>A task that completes when every operation pending at the call reached the inner storage.</returns>
    /// <exception cref="CacheException">Some operations failed; they stay pending and the background flush retries them.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        (int failed, int attempted, Exception? first) = await FlushCoreAsync(dueOnly: false, cancellationToken).ConfigureAwait(false);
        if (failed > 0)
        {
            throw new CacheException($"{failed} of {attempted} pending grain writes could not be flushed to storage; they stay pending and are retried.", first);
        }
    }

    /// <summary>Stops the flush timer and flushes what is pending; failures are logged (those writes are lost).</summary>
    /// <returns>A task that completes when the final flush is done.</returns>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        await _backgroundFlush.ConfigureAwait(false);
        try
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (CacheException ex)
        {
            Log.WriteBehindFinalFlushFailed(_logger, ex, PendingCount);
        }
    }

    private string Enqueue(GrainId grainId, byte[]? value, DateTimeOffset? expiresAt, string? expectedETag)
    {
        string etag = ETagPrefix + Interlocked.Increment(ref _lastETag).ToString("x", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // The version storage holds is what the pending operation expected, or what the grain read from it, or unknown.
            string? stored = _pending.TryGetValue(grainId, out PendingGrainWrite? previous) ? previous.StoredETag
                : expectedETag is not null && expectedETag.StartsWith(ETagPrefix, StringComparison.Ordinal) ? GrainStorageETags.Any
                : expectedETag;
            _pending[grainId] = new PendingGrainWrite(value, expiresAt, etag, stored);
        }

        return etag;
    }

    private static void Validate(WriteBehindGrainStorageOptions options)
    {
        if (options.FlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FlushInterval, "Caching:Silo:Storage:WriteBehind:FlushInterval must be positive.");
        }

        if (options.MaxBatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBatchSize, "Caching:Silo:Storage:WriteBehind:MaxBatchSize must be positive.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetryDelay,
                "Caching:Silo:Storage:WriteBehind:RetryDelay must be positive and at most MaxRetryDelay.");
        }
    }
}
