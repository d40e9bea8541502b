using System.Buffers.Binary;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The header stored before each distributed cache value: a format byte, then the absolute expiration, the sliding window and the
/// current deadline (UTC ticks / ticks; 0 = none), so any process can judge expiry and extend the sliding window.
/// </summary>
internal readonly record struct DistributedCacheEntryHeader(long AbsoluteTicks, long SlidingTicks, long DeadlineTicks)
{
    public const byte Format = 1;
    public const int Length = 1 + 8 + 8 + 8;

    public static bool TryRead(ReadOnlySpan<byte> payload, out DistributedCacheEntryHeader header)
    {
        if (payload.Length < Length || payload[0] != Format)
        {
            header = default;
            return false;
        }

        header = new(
            BinaryPrimitives.ReadInt64LittleEndian(payload[1..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[9..]),
            BinaryPrimitives.ReadInt64LittleEndian(payload[17..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = Format;
        BinaryPrimitives.WriteInt64LittleEndian(destination[1..], AbsoluteTicks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[9..], SlidingTicks);
        BinaryPrimitives.WriteInt64LittleEndian(destination[17..], DeadlineTicks);
    }

    /// <summary>The deadline after a read at <paramref name="nowTicks"/>: now + the sliding window, capped by the absolute expiration.</summary>
    public long SlideFrom(long nowTicks)
    {
        if (SlidingTicks == 0)
        {
            return DeadlineTicks;
        }

        long deadline = nowTicks + SlidingTicks;
        return AbsoluteTicks != 0 && AbsoluteTicks < deadline ? AbsoluteTicks : deadline;
    }

    /// <summary>The backend time-to-live for a deadline: whole seconds rounded up, <see cref="CacheTimeout.Never"/> without one.</summary>
    public static CacheTimeout TimeToLive(long deadlineTicks, long nowTicks)
        => deadlineTicks == 0 ? CacheTimeout.Never : CacheTimeout.FromTimeSpan(TimeSpan.FromTicks(Math.Max(deadlineTicks - nowTicks, 1)));
}
