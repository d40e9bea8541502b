using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>
/// A frame sent with <see cref="FrameConnection.SendCall{TState}"/> that waits for a reply with the same correlation id
/// (Request → Response, Ping → Pong, a membership request → MembershipUpdate). Exactly one of <see cref="OnResponse"/> and
/// <see cref="OnFailure"/> is called, once.
/// </summary>
/// <remarks>
/// <see cref="OnResponse"/> runs on the connection's read loop with the body as a slice of the input buffer: decode it
/// synchronously, copy what must outlive the call, never block, and complete the caller's task asynchronously
/// (<see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>) so caller code never runs on the read loop.
/// </remarks>
public abstract class OutboundCall
{
    /// <summary>Receives the reply.</summary>
    /// <param name="header">The reply's header (its membership version is the peer's).</param>
    /// <param name="body">The reply's body; valid only during this call.</param>
    public abstract void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body);

    /// <summary>Receives the failure of the call: the connection closed (<see cref="ConnectionClosedException"/>) before the reply came,
    /// or the frame could not be sent.</summary>
    /// <param name="exception">Why.</param>
    public abstract void OnFailure(Exception exception);
}
