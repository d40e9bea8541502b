using System.Buffers.Binary;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The fixed header after a frame's 4-byte length prefix (24 bytes, little-endian): kind (1), flags (1), reserved (2, zero),
/// correlation id (8), membership version (8), time-to-live in milliseconds (4, 0 = none).
/// </summary>
/// <param name="Kind">What the frame carries.</param>
/// <param name="CorrelationId">Matches a response or pong to its request or ping.</param>
/// <param name="MembershipVersion">The sender's membership version (0 = none known); never negative.</param>
/// <param name="TimeToLiveMilliseconds">How long the request may still run, in milliseconds; 0 = no deadline.</param>
/// <param name="Flags">Frame flags.</param>
public readonly record struct FrameHeader(FrameKind Kind, long CorrelationId, long MembershipVersion, uint TimeToLiveMilliseconds, FrameFlags Flags = FrameFlags.None)
{
    /// <summary>The length of the body-length prefix: 4 bytes.</summary>
    public const int PrefixLength = 4;

    /// <summary>The length of the header after the prefix: 24 bytes.</summary>
    public const int HeaderLength = 24;

    /// <summary>The bytes before the body: prefix plus header, 28.</summary>
    public const int FrameOverhead = PrefixLength + HeaderLength;

    /// <summary>Writes the prefix and header.</summary>
    /// <param name="destination">At least <see cref="FrameOverhead"/> bytes.</param>
    /// <param name="bodyLength">The body length.</param>
    internal void Write(Span<byte> destination, int bodyLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, bodyLength);
        destination[4] = (byte)Kind;
        destination[5] = (byte)Flags;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], CorrelationId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], MembershipVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], TimeToLiveMilliseconds);
    }

    /// <summary>Reads and validates a header (the 24 bytes after the prefix).</summary>
    /// <param name="source">The header bytes.</param>
    /// <returns>The header.</returns>
    /// <exception cref="WireProtocolException">Unknown kind or flags, non-zero reserved bytes, or a negative membership version.</exception>
    internal static FrameHeader Read(ReadOnlySpan<byte> source)
    {
        var kind = (FrameKind)source[0];
        if (kind is < FrameKind.Request or > FrameKind.MembershipUpdate)
        {
            throw new WireProtocolException($"Malformed frame header: unknown frame kind {source[0]}.");
        }

        var flags = (FrameFlags)source[1];
        if ((flags & ~FrameFlags.Forwarded) != 0)
        {
            throw new WireProtocolException($"Malformed frame header: unknown flags 0x{source[1]:X2}.");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(source[2..]) != 0)
        {
            throw new WireProtocolException("Malformed frame header: the reserved bytes are not zero.");
        }

        long membershipVersion = BinaryPrimitives.ReadInt64LittleEndian(source[12..]);
        if (membershipVersion < 0)
        {
            throw new WireProtocolException($"Malformed frame header: negative membership version {membershipVersion}.");
        }

        return new FrameHeader(kind, BinaryPrimitives.ReadInt64LittleEndian(source[4..]), membershipVersion, BinaryPrimitives.ReadUInt32LittleEndian(source[20..]), flags);
    }
}
