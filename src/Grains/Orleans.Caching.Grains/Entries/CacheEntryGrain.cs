#pragma warning disable CA2007 // Grain methods await on the activation's context: their continuations must stay in the grain's turn.

using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The grain of one cache key (type <c>cache-entry</c>): the value bytes with an absolute expiry and the storage ETag, loaded
/// from the silo's storage on activation and written through on every change.
/// </summary>
/// <remarks>
/// <para>Expiry: a value written at T with time-to-live t is live while now &lt; T + t and reads as missing from exactly T + t
/// (as <see cref="SimpleCache"/>); expired values are dropped lazily. Storage receives the same expiry, so the backend drops
/// the record natively. A time-to-live of <see langword="null"/> never expires; zero or negative stores nothing and clears the key.</para>
/// <para>Writes reach storage first and memory only after storage took them: a failed storage write leaves the grain's state
/// as it was and the exception reaches the caller, so no write is acknowledged that storage did not take.</para>
/// <para>The instance is kept small (value, expiry, ETag, limit, and a lease object only while a single-flight lease is held)
/// because a silo hosts one per live key.</para>
/// </remarks>
public sealed partial class CacheEntryGrain : Grain, ICacheEntryGrain
{
    private const long Never = long.MaxValue;
    private const long Expired = long.MinValue;
    private const int EntryOverheadBytes = 64;

    private readonly int _maxValueBytes;
    private byte[]? _value;
    private long _expiresAt;
    private string? _etag;

    /// <summary>Initializes a new instance of the <see cref="CacheEntryGrain"/> class with default limits.</summary>
    public CacheEntryGrain()
        : this(new CacheGrainOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheEntryGrain"/> class.</summary>
    /// <param name="options">The grain limits.</param>
    public CacheEntryGrain(CacheGrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxValueBytes, "Caching:Silo:Grains:MaxValueBytes");
        _maxValueBytes = options.MaxValueBytes;
    }

    /// <inheritdoc/>
    /// <remarks>The value's length plus a small constant for the grain's fields.</remarks>
    public override long EstimatedSize => (_value?.Length ?? 0) + EntryOverheadBytes;

    /// <inheritdoc/>
    /// <remarks>Reads the record from storage; an already-expired record reads as missing (its ETag is kept for the next write).</remarks>
    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainStateRecord record = await Context.Storage.ReadAsync(GrainId, cancellationToken);
        _etag = record.ETag;
        long expiresAt = ToTicks(record.ExpiresAt);
        if (record.Value is not null && (expiresAt == Never || NowTicks() < expiresAt))
        {
            _value = record.Value;
            _expiresAt = expiresAt;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Releases the waiters of a held lease so they retry on the next activation.</remarks>
    public override ValueTask OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        EndLease();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(LiveValue());

    /// <inheritdoc/>
    public ValueTask<CacheEntrySnapshot?> GetEntryAsync(CancellationToken cancellationToken = default)
    {
        byte[]? value = LiveValue();
        return ValueTask.FromResult(value is null ? null : new CacheEntrySnapshot(value, ToDateTime(_expiresAt)));
    }

    /// <inheritdoc/>
    public ValueTask<bool> HasAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(LiveValue() is not null);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The value is larger than <see cref="CacheGrainOptions.MaxValueBytes"/>.</exception>
    public async ValueTask<bool> SetAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
    {
        CheckValue(value);
        await StoreAsync(value, ExpiryFor(timeToLive), cancellationToken);
        EndLease();
        return true;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The value is larger than <see cref="CacheGrainOptions.MaxValueBytes"/>.</exception>
    public async ValueTask<bool> AddAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
    {
        CheckValue(value);
        if (LiveValue() is not null)
        {
            return false;
        }

        await StoreAsync(value, ExpiryFor(timeToLive), cancellationToken);
        EndLease();
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        bool live = LiveValue() is not null;
        await StoreAsync(null, Expired, cancellationToken);
        return live;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The value is not an ASCII decimal integer, or the sum overflows; nothing changes.</exception>
    public async ValueTask<long> IncrementAsync(long delta, TimeSpan? timeToLiveIfCreated, CancellationToken cancellationToken = default)
    {
        byte[]? current = LiveValue();
        long next;
        try
        {
            next = checked(CacheCounter.Parse(GrainId.Key, current) + delta);
        }
        catch (CacheException ex)
        {
            throw new InvalidOperationException(
                $"The value at cache key '{GrainId.Key}' is not an integer (ASCII decimal), so it cannot be incremented or decremented.", ex);
        }
        catch (OverflowException ex)
        {
            throw new InvalidOperationException($"Adding {delta} to the counter at cache key '{GrainId.Key}' overflows a 64-bit integer.", ex);
        }

        long expiresAt = current is null ? ExpiryFor(timeToLiveIfCreated) : _expiresAt;
        await StoreAsync(CacheCounter.Format(next), expiresAt, cancellationToken);
        EndLease();
        return next;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TouchAsync(TimeSpan? timeToLive, CancellationToken cancellationToken = default)
    {
        byte[]? current = LiveValue();
        if (current is null)
        {
            return false;
        }

        await StoreAsync(current, ExpiryFor(timeToLive), cancellationToken);
        return true;
    }

    // Writes through storage, then commits to memory; an expired or null value clears instead. Memory changes only on success.
    private async ValueTask StoreAsync(byte[]? value, long expiresAt, CancellationToken cancellationToken)
    {
        if (value is null || (expiresAt != Never && expiresAt <= NowTicks()))
        {
            if (_etag is not null || _value is not null)
            {
                await Context.Storage.ClearAsync(GrainId, _etag, cancellationToken);
            }

            _value = null;
            _expiresAt = 0;
            _etag = null;
            return;
        }

        string etag = await Context.Storage.WriteAsync(GrainId, value, ToDateTime(expiresAt), _etag, cancellationToken);
        _value = value;
        _expiresAt = expiresAt;
        _etag = etag;
    }

    private byte[]? LiveValue()
    {
        byte[]? value = _value;
        if (value is null || _expiresAt == Never || NowTicks() < _expiresAt)
        {
            return value;
        }

        _value = null;
        return null;
    }

    private void CheckValue(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > _maxValueBytes)
        {
            throw new ArgumentException(
                $"The value for cache key '{GrainId.Key}' is {value.Length} bytes, over the limit of {_maxValueBytes} (Caching:Silo:Grains:MaxValueBytes).",
                nameof(value));
        }
    }

    private long ExpiryFor(TimeSpan? timeToLive)
    {
        if (timeToLive is not { } ttl)
        {
            return Never;
        }

        if (ttl <= TimeSpan.Zero)
        {
            return Expired;
        }

        long now = NowTicks();
        return ttl.Ticks >= DateTimeOffset.MaxValue.UtcTicks - now ? Never : now + ttl.Ticks;
    }

    private long NowTicks() => Context.TimeProvider.GetUtcNow().UtcTicks;

    private static long ToTicks(DateTimeOffset? time) => time?.UtcTicks ?? Never;

    private static DateTimeOffset? ToDateTime(long ticks) => ticks == Never ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
