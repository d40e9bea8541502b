using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>Writes frames (length prefix, <see cref="FrameHeader"/>, body) into a connection's output.</summary>
public static class FrameWriter
{
    /// <summary>Writes a whole frame.</summary>
    /// <param name="output">The connection's output.</param>
    /// <param name="header">The header.</param>
    /// <param name="body">The body.</param>
    public static void Write(IBufferWriter<byte> output, in FrameHeader header, ReadOnlySpan<byte> body)
    {
        WriteHeader(output, header, body.Length);
        output.Write(body);
    }

    /// <summary>Writes a whole frame whose body is a sequence (such as a body read from another connection, when forwarding).</summary>
    /// <param name="output">The connection's output.</param>
    /// <param name="header">The header.</param>
    /// <param name="body">The body.</param>
    public static void Write(IBufferWriter<byte> output, in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        if (body.Length > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(body), "A frame body is at most 2 GiB.");
        }

        WriteHeader(output, header, (int)body.Length);
        foreach (ReadOnlyMemory<byte> segment in body)
        {
            output.Write(segment.Span);
        }
    }

    /// <summary>Writes the length prefix and header of a frame whose <paramref name="bodyLength"/> body bytes the caller writes next.</summary>
    /// <param name="output">The connection's output.</param>
    /// <param name="header">The header.</param>
    /// <param name="bodyLength">The exact number of body bytes that follow.</param>
    public static void WriteHeader(IBufferWriter<byte> output, in FrameHeader header, int bodyLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(bodyLength);
        ArgumentOutOfRangeException.ThrowIfNegative(header.MembershipVersion, nameof(header));
        if (header.Kind is < FrameKind.Request or > FrameKind.MembershipUpdate)
        {
            throw new ArgumentException($"Unknown frame kind {header.Kind}.", nameof(header));
        }

        Span<byte> span = output.GetSpan(FrameHeader.FrameOverhead);
        header.Write(span, bodyLength);
        output.Advance(FrameHeader.FrameOverhead);
    }
}
