namespace Orleans.Caching.Runtime;

/// <summary>
/// Receives the frames a <see cref="FrameConnection"/> does not handle itself: <see cref="FrameKind.Request"/> and
/// <see cref="FrameKind.MembershipUpdate"/> frames that are not replies to this side's own calls. (Pings are answered with Pongs by
/// the connection, on its read loop, never queued behind grain work; replies go to their <see cref="OutboundCall"/>.)
/// </summary>
public interface IFrameHandler
{
    /// <summary>
    /// Handles one frame. Runs on the connection's read loop: decode the body synchronously (it is a slice of the input buffer, valid
    /// only during this call), start any work asynchronously and return at once; reply later with
    /// <see cref="FrameConnection.SendFrame{TState}"/> using the frame's correlation id.
    /// </summary>
    /// <param name="connection">The connection the frame came on.</param>
    /// <param name="frame">The frame.</param>
    /// <exception cref="WireProtocolException">The frame is not acceptable on this connection; the connection is closed.</exception>
    void OnFrame(FrameConnection connection, in Frame frame);

    /// <summary>Called once when the connection has closed, for any reason (after every pending call has failed).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="reason">Why it closed; <see langword="null"/> for an orderly close.</param>
    void OnClosed(FrameConnection connection, Exception? reason);
}
