using System.Buffers;
using System.Net;

namespace Orleans.Caching.Runtime;

/// <summary>
/// One established, authenticated connection between a client and a silo or between two silos: multiplexed (every frame has a
/// correlation id), pipelined (any number of calls in flight), with a bounded output buffer. Both directions may send calls.
/// Created by an <see cref="IFrameConnector"/> (the side that connects) or by the silo's listener (the side that accepts), after
/// the handshake succeeded.
/// </summary>
public abstract class FrameConnection : IAsyncDisposable
{
    /// <summary>Gets the identity the peer presented in the handshake (a silo address text, or a client's name).</summary>
    public abstract string PeerIdentity { get; }

    /// <summary>Gets the peer's network endpoint, when known.</summary>
    public abstract EndPoint? RemoteEndPoint { get; }

    /// <summary>Gets a task that completes (never faults) when the connection has closed, for any reason.</summary>
    public abstract Task Closed { get; }

    /// <summary>Gets a value indicating whether the connection is open.</summary>
    public bool IsOpen => !Closed.IsCompleted;

    /// <summary>Gets or sets an object the owner associates with the connection (such as the peer's <see cref="SiloAddress"/>).</summary>
    public object? Tag { get; set; }

    /// <summary>
    /// Sends a frame that expects a reply with the same correlation id, which the connection assigns. Never blocks and never throws for
    /// connection problems: if the connection is closed or closes before the reply, <paramref name="call"/> gets
    /// <see cref="OutboundCall.OnFailure"/>.
    /// </summary>
    /// <typeparam name="TState">The body writer's state.</typeparam>
    /// <param name="call">Receives the reply or the failure.</param>
    /// <param name="kind">The frame kind (<see cref="FrameKind.Request"/>, <see cref="FrameKind.Ping"/>, <see cref="FrameKind.MembershipUpdate"/>).</param>
    /// <param name="membershipVersion">The sender's membership version.</param>
    /// <param name="timeToLiveMilliseconds">The request's remaining time to live; 0 = none.</param>
    /// <param name="flags">Frame flags.</param>
    /// <param name="state">Passed to <paramref name="writeBody"/>.</param>
    /// <param name="writeBody">Writes the body; <see langword="null"/> for an empty body. Runs synchronously inside this call.</param>
    /// <returns>The correlation id, for <see cref="TryCancelCall"/>.</returns>
    /// <exception cref="ArgumentException">The body is larger than the peer accepts (nothing was sent; the connection stays open).</exception>
    public abstract long SendCall<TState>(OutboundCall call, FrameKind kind, long membershipVersion, uint timeToLiveMilliseconds, FrameFlags flags, TState state, Action<IBufferWriter<byte>, TState>? writeBody);

    /// <summary>Forgets a call that is still waiting (its caller timed out or was canceled); a late reply is then dropped.</summary>
    /// <param name="correlationId">The id <see cref="SendCall{TState}"/> returned.</param>
    /// <returns><see langword="true"/> if the call was still waiting (neither callback will run for it).</returns>
    public abstract bool TryCancelCall(long correlationId);

    /// <summary>Sends a reply or a one-way frame. Never blocks; a closed connection drops it.</summary>
    /// <typeparam name="TState">The body writer's state.</typeparam>
    /// <param name="header">The header (kind, the correlation id being answered, version, time to live, flags).</param>
    /// <param name="state">Passed to <paramref name="writeBody"/>.</param>
    /// <param name="writeBody">Writes the body; <see langword="null"/> for an empty body. Runs synchronously inside this call.</param>
    /// <returns><see langword="true"/> if the frame was queued for sending.</returns>
    public abstract bool SendFrame<TState>(in FrameHeader header, TState state, Action<IBufferWriter<byte>, TState>? writeBody);

    /// <summary>Closes the connection at once: pending calls fail with <see cref="ConnectionClosedException"/>.</summary>
    /// <param name="reason">Why, for logs and for the pending calls' exception.</param>
    public abstract void Abort(Exception? reason);

    /// <summary>Closes the connection after sending what is already queued.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public abstract ValueTask DisposeAsync();
}
