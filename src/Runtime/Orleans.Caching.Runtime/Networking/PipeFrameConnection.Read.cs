using System.Buffers;
using System.IO.Pipelines;

namespace Orleans.Caching.Runtime;

/// <content>The read loop: cuts frames, answers pings, routes replies to their calls and the rest to the handler.</content>
internal sealed partial class PipeFrameConnection
{
    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                ReadResult result = await _input.ReadAsync().ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                // Frames written on this thread while it dispatches what one read returned (replies of calls that complete inline,
                // pongs) are flushed once after the batch rather than once each: fewer sends, fewer wake-ups of the transport.
                s_dispatching = this;
                try
                {
                    while (Volatile.Read(ref _closeStarted) == 0 && _frameReader.TryRead(ref buffer, out Frame frame))
                    {
                        Dispatch(frame);
                    }
                }
                finally
                {
                    s_dispatching = null;
                    _input.AdvanceTo(buffer.Start, buffer.End);
                    FlushDeferred();
                }

                if (result.IsCanceled || Volatile.Read(ref _closeStarted) != 0)
                {
                    break;
                }

                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        error = new WireProtocolException($"The peer closed the connection in the middle of a frame ({buffer.Length} bytes of it arrived).");
                        Log.ConnectionProtocolViolation(_logger, error, PeerIdentity, RemoteEndPoint);
                    }

                    break;
                }
            }
        }
        catch (WireProtocolException ex)
        {
            error = ex;
            Log.ConnectionProtocolViolation(_logger, ex, PeerIdentity, RemoteEndPoint);
        }
        catch (FrameHandlerException ex)
        {
            error = ex.InnerException;
            Log.FrameHandlerFailed(_logger, ex.InnerException!, ex.Kind, PeerIdentity, RemoteEndPoint);
        }
        catch (Exception ex)
        {
            error = ex;
            Log.ConnectionReadFailed(_logger, ex, PeerIdentity, RemoteEndPoint);
        }

        try
        {
            await _input.CompleteAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Completing a reader the transport already tore down.
        }

        Abort(error);
    }

    private void Dispatch(in Frame frame)
    {
        FrameHeader header = frame.Header;
        switch (header.Kind)
        {
            case FrameKind.Response:
            case FrameKind.Pong:
                DeliverReply(frame);
                return;
            case FrameKind.MembershipUpdate:
                // An empty body is a request for the peer's snapshot; a body with a waiting correlation id is the reply to ours.
                if (!frame.Body.IsEmpty && header.CorrelationId != 0 && _pending.TryRemove(header.CorrelationId, out OutboundCall? call))
                {
                    InvokeCall(call, frame);
                    return;
                }

                InvokeHandler(frame);
                return;
            case FrameKind.Request:
                InvokeHandler(frame);
                return;
            case FrameKind.Ping:
                SendFrame(new FrameHeader(FrameKind.Pong, header.CorrelationId, 0, 0), 0, null);
                return;
            default:
                throw new WireProtocolException($"A {header.Kind} frame arrived after the handshake completed.");
        }
    }

    private void DeliverReply(in Frame frame)
    {
        long correlationId = frame.Header.CorrelationId;
        if (_pending.TryRemove(correlationId, out OutboundCall? call))
        {
            InvokeCall(call, frame);
            return;
        }

        Interlocked.Increment(ref _droppedReplies);
        Log.LateReplyDropped(_logger, frame.Header.Kind, PeerIdentity, correlationId);
    }

    private void InvokeCall(OutboundCall call, in Frame frame)
    {
        try
        {
            call.OnResponse(frame.Header, frame.Body);
        }
        catch (Exception ex)
        {
            Log.OutboundCallCallbackFailed(_logger, ex, frame.Header.CorrelationId, PeerIdentity);
        }
    }

    private void InvokeHandler(in Frame frame)
    {
        try
        {
            _handler.OnFrame(this, frame);
        }
        catch (WireProtocolException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new FrameHandlerException(frame.Header.Kind, ex);
        }
    }

    /// <summary>Carries a handler's failure out of the read loop, so it is logged as the handler's and not the transport's.</summary>
    private sealed class FrameHandlerException(FrameKind kind, Exception inner) : Exception(inner.Message, inner)
    {
        public FrameKind Kind { get; } = kind;
    }
}
