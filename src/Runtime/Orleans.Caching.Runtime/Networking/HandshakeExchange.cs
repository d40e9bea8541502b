using System.Buffers;
using System.IO.Pipelines;

namespace Orleans.Caching.Runtime;

/// <summary>Moves handshake frames over a transport before the connection exists (frame limit <see cref="WireProtocol.MaxHandshakeBodyLength"/>).</summary>
internal sealed class HandshakeExchange(IDuplexPipe transport)
{
    private readonly FrameReader _reader = new(WireProtocol.MaxHandshakeBodyLength);

    /// <summary>Gets the buffer the state machines write the next body into.</summary>
    public ArrayBufferWriter<byte> Outgoing { get; } = new(256);

    /// <summary>Reads the next frame, which must be of <paramref name="expected"/> kind, and returns a copy of its body.</summary>
    /// <param name="expected">The only kind allowed before the handshake completes (from this side's view).</param>
    /// <param name="cancellationToken">The handshake deadline.</param>
    /// <returns>The body.</returns>
    /// <exception cref="WireProtocolException">Another kind, a malformed frame, or the peer closed mid-handshake.</exception>
    public async Task<ReadOnlySequence<byte>> ReceiveAsync(FrameKind expected, CancellationToken cancellationToken)
    {
        PipeReader input = transport.Input;
        while (true)
        {
            ReadResult result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition examined = buffer.End;
            try
            {
                if (_reader.TryRead(ref buffer, out Frame frame))
                {
                    examined = buffer.Start;
                    if (frame.Header.Kind != expected)
                    {
                        throw new WireProtocolException($"A {frame.Header.Kind} frame arrived before the handshake completed.");
                    }

                    return new ReadOnlySequence<byte>(frame.Body.ToArray());
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, examined);
            }

            if (result.IsCanceled)
            {
                throw new OperationCanceledException("Reading the handshake was canceled.");
            }

            if (result.IsCompleted)
            {
                throw new WireProtocolException(buffer.IsEmpty
                    ? "The peer closed the connection during the handshake."
                    : $"The peer closed the connection in the middle of a handshake frame ({buffer.Length} bytes of it arrived).");
            }
        }
    }

    /// <summary>Sends <see cref="Outgoing"/> as one frame (if it holds anything) and clears it.</summary>
    /// <param name="kind"><see cref="FrameKind.Handshake"/> or <see cref="FrameKind.HandshakeResponse"/>.</param>
    /// <param name="cancellationToken">The handshake deadline.</param>
    /// <returns>A task that completes when flushed.</returns>
    public async Task SendAsync(FrameKind kind, CancellationToken cancellationToken)
    {
        if (Outgoing.WrittenCount == 0)
        {
            return;
        }

        FrameWriter.Write(transport.Output, new FrameHeader(kind, 0, 0, 0), Outgoing.WrittenSpan);
        Outgoing.Clear();
        FlushResult flushed = await transport.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (flushed.IsCompleted)
        {
            throw new IOException("The peer closed the connection during the handshake.");
        }
    }
}
