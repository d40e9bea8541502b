using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>
/// A connection's reusable scratch buffer for one outgoing frame (used under the writer lock): room for the prefix and header, then
/// the body as the caller writes it, so the body length is known (and checked against the limit) before anything reaches the
/// socket. Grown from the shared array pool; a buffer grown past <see cref="RetainedLength"/> is returned after the frame.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    /// <summary>The largest buffer kept between frames.</summary>
    internal const int RetainedLength = 256 * 1024;

    private const int InitialLength = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialLength);
    private int _written = FrameHeader.FrameOverhead;

    /// <summary>Gets the number of body bytes written.</summary>
    public int BodyLength => _written - FrameHeader.FrameOverhead;

    /// <summary>Starts a new frame.</summary>
    public void Reset() => _written = FrameHeader.FrameOverhead;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Advanced past the buffer.");
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Fills in the prefix and header and returns the whole frame.</summary>
    /// <param name="header">The header.</param>
    /// <returns>The frame's bytes, valid until the next <see cref="Reset"/>.</returns>
    public ReadOnlySpan<byte> Complete(in FrameHeader header)
    {
        header.Write(_buffer, BodyLength);
        return _buffer.AsSpan(0, _written);
    }

    /// <summary>Returns a large buffer to the pool after a frame.</summary>
    public void Trim()
    {
        if (_buffer.Length > RetainedLength)
        {
            byte[] large = _buffer;
            _buffer = ArrayPool<byte>.Shared.Rent(InitialLength);
            ArrayPool<byte>.Shared.Return(large);
        }

        Reset();
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 256;
        }

        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        long wanted = Math.Max((long)_buffer.Length * 2, (long)_written + sizeHint);
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
