using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// <see cref="IDistributedCache"/> (and <see cref="IBufferDistributedCache"/>) over an Orleans.Caching <see cref="Cache"/>: sessions,
/// the <c>&lt;distributed-cache&gt;</c> tag helper and HybridCache's second level can live on the cluster.
/// </summary>
/// <remarks>
/// Each value is stored behind a <see cref="DistributedCacheEntryHeader"/> (absolute expiration, sliding window, current deadline) judged
/// on the injected <see cref="TimeProvider"/>; the backend also gets the deadline as its time-to-live. A read or refresh of a sliding
/// entry rewrites it with the new deadline (when it moves by at least a second, or half the window if that is shorter, so a read
/// followed by a refresh in one request writes once), because the backend contract has no "touch": a refresh that overlaps a set or a remove of the
/// same key can write the value it read back (last writer wins; a session is written by one request at a time, so sessions are not affected).
/// </remarks>
internal sealed class OrleansDistributedCache : IBufferDistributedCache
{
    private readonly ICacheBackend _backend;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _prefix;

    public OrleansDistributedCache(Cache cache, OrleansDistributedCacheOptions options, TimeProvider timeProvider, ILogger<OrleansDistributedCache> logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _backend = cache.Backend;
        _timeProvider = timeProvider;
        _logger = logger;
        _prefix = options.KeyPrefix;
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        byte[]? payload = await ReadAsync(key, token).ConfigureAwait(false);
        return payload?.AsSpan(DistributedCacheEntryHeader.Length).ToArray();
    }

    public bool TryGet(string key, IBufferWriter<byte> destination) => TryGetAsync(key, destination).AsTask().GetAwaiter().GetResult();

    public async ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        byte[]? payload = await ReadAsync(key, token).ConfigureAwait(false);
        if (payload is null)
        {
            return false;
        }

        destination.Write(payload.AsSpan(DistributedCacheEntryHeader.Length));
        return true;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetAsync(key, new ReadOnlySequence<byte>(value), options, token).AsTask();
    }

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).AsTask().GetAwaiter().GetResult();

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        long now = _timeProvider.GetUtcNow().UtcTicks;
        long absolute = 0;
        if (options.AbsoluteExpiration is { } at)
        {
            absolute = at.UtcTicks;
        }

        if (options.AbsoluteExpirationRelativeToNow is { } relative)
        {
            absolute = now + relative.Ticks;
        }

        if (absolute != 0 && absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AbsoluteExpiration, "The absolute expiration value must be in the future.");
        }

        long sliding = options.SlidingExpiration?.Ticks ?? 0;
        var header = new DistributedCacheEntryHeader(absolute, sliding, absolute);
        header = header with { DeadlineTicks = header.SlideFrom(now) };
        byte[] payload = new byte[checked(DistributedCacheEntryHeader.Length + (int)value.Length)];
        header.Write(payload);
        value.CopyTo(payload.AsSpan(DistributedCacheEntryHeader.Length));
        await _backend.SetAsync(_prefix + key, payload, DistributedCacheEntryHeader.TimeToLive(header.DeadlineTicks, now), token).ConfigureAwait(false);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default) => _ = await ReadAsync(key, token).ConfigureAwait(false);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _ = await _backend.DeleteAsync(_prefix + key, token).ConfigureAwait(false);
    }

    /// <summary>Reads a live entry (header + value) and, for a sliding entry, stores it again with the extended deadline.</summary>
    private async ValueTask<byte[]?> ReadAsync(string key, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        string storedKey = _prefix + key;
        byte[]? payload = await _backend.GetAsync(storedKey, token).ConfigureAwait(false);
        if (payload is null)
        {
            return null;
        }

        if (!DistributedCacheEntryHeader.TryRead(payload, out DistributedCacheEntryHeader header))
        {
            Log.DistributedCacheEntryCorrupt(_logger, storedKey);
            return null;
        }

        long now = _timeProvider.GetUtcNow().UtcTicks;
        if (header.DeadlineTicks != 0 && now >= header.DeadlineTicks)
        {
            return null;
        }

        long deadline = header.SlideFrom(now);
        if (deadline - header.DeadlineTicks >= Math.Min(TimeSpan.TicksPerSecond, header.SlidingTicks / 2) && deadline > header.DeadlineTicks)
        {
            byte[] refreshed = (byte[])payload.Clone();
            (header with { DeadlineTicks = deadline }).Write(refreshed);
            try
            {
                _ = await _backend.SetAsync(storedKey, refreshed, DistributedCacheEntryHeader.TimeToLive(deadline, now), token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DistributedCacheRefreshFailed(_logger, storedKey, ex);
            }

            return refreshed;
        }

        return payload;
    }
}
