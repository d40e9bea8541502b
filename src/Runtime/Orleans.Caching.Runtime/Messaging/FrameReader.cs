using System.Buffers;
using System.Buffers.Binary;

namespace Orleans.Caching.Runtime;

/// <summary>Cuts frames out of a connection's input: a 4-byte little-endian body length, the <see cref="FrameHeader"/>, the body.</summary>
public sealed class FrameReader
{
    /// <summary>The default largest body: a 16 MiB value plus 64 KiB for its grain id and arguments.</summary>
    public const int DefaultMaxBodyLength = (16 * 1024 * 1024) + (64 * 1024);

    /// <summary>Initializes a new instance of the <see cref="FrameReader"/> class.</summary>
    /// <param name="maxBodyLength">The largest body accepted; a larger length prefix is a protocol violation.</param>
    public FrameReader(int maxBodyLength = DefaultMaxBodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBodyLength);
        MaxBodyLength = maxBodyLength;
    }

    /// <summary>Gets the largest body accepted.</summary>
    public int MaxBodyLength { get; }

    /// <summary>Reads one frame from the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The unread input; on success it is advanced past the frame, otherwise left untouched.</param>
    /// <param name="frame">The frame; its body is a slice of the input.</param>
    /// <returns><see langword="true"/> if a whole frame was read; <see langword="false"/> if more input is needed.</returns>
    /// <exception cref="WireProtocolException">The length is over <see cref="MaxBodyLength"/> or the header is malformed: close the connection.</exception>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out Frame frame)
    {
        frame = default;
        if (buffer.Length < FrameHeader.PrefixLength)
        {
            return false;
        }

        Span<byte> scratch = stackalloc byte[FrameHeader.FrameOverhead];
        ReadOnlySpan<byte> prefix = Peek(buffer, scratch, FrameHeader.PrefixLength);
        uint bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (bodyLength > (uint)MaxBodyLength)
        {
            throw new WireProtocolException($"Frame body of {bodyLength} bytes is over the limit of {MaxBodyLength} bytes.");
        }

        if (buffer.Length < FrameHeader.FrameOverhead)
        {
            return false;
        }

        FrameHeader header = FrameHeader.Read(Peek(buffer, scratch, FrameHeader.FrameOverhead)[FrameHeader.PrefixLength..]);
        long frameLength = FrameHeader.FrameOverhead + (long)bodyLength;
        if (buffer.Length < frameLength)
        {
            return false;
        }

        frame = new Frame(header, buffer.Slice(FrameHeader.FrameOverhead, bodyLength));
        buffer = buffer.Slice(frameLength);
        return true;
    }

    private static ReadOnlySpan<byte> Peek(in ReadOnlySequence<byte> buffer, Span<byte> scratch, int length)
    {
        ReadOnlySpan<byte> first = buffer.FirstSpan;
        if (first.Length >= length)
        {
            return first[..length];
        }

        buffer.Slice(0, length).CopyTo(scratch);
        return scratch[..length];
    }
}
