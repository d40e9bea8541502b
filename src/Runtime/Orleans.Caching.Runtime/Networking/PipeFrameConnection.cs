using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>
/// A <see cref="FrameConnection"/> over an <see cref="IDuplexPipe"/>, after the handshake: one read loop cuts frames and routes
/// them (replies to their <see cref="OutboundCall"/>, pings answered at once, requests to the <see cref="IFrameHandler"/>); writers
/// append whole frames to the output under one lock and the first writer to find no flush running starts one, so any number of
/// calls are in flight. Output is bounded by <see cref="ClusterOptions.MaxPendingSendBytes"/>.
/// </summary>
internal sealed partial class PipeFrameConnection : FrameConnection
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly ITransportControl? _transport;
    private readonly IFrameHandler _handler;
    private readonly FrameReader _frameReader;
    private readonly int _maxSendBodyLength;
    private readonly long _maxPendingSendBytes;
    private readonly TimeSpan _stallTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, OutboundCall> _pending = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextCorrelationId;
    private long _droppedReplies;
    private int _closeStarted;
    private Task _readLoop = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="PipeFrameConnection"/> class; call <see cref="Start"/> to begin reading.</summary>
    /// <param name="pipe">The transport's pipes, positioned after the handshake.</param>
    /// <param name="transport">Closes what lies under the pipes, if this connection owns it.</param>
    /// <param name="handler">Receives inbound requests and the close.</param>
    /// <param name="peerIdentity">The identity the peer presented.</param>
    /// <param name="remoteEndPoint">The peer's endpoint, when known.</param>
    /// <param name="options">The frame and output limits; <see cref="ClusterOptions.ResponseTimeout"/> bounds a flush that makes no progress.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public PipeFrameConnection(IDuplexPipe pipe, ITransportControl? transport, IFrameHandler handler, string peerIdentity, EndPoint? remoteEndPoint, ClusterOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(peerIdentity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _input = pipe.Input;
        _output = pipe.Output;
        _transport = transport;
        _handler = handler;
        PeerIdentity = peerIdentity;
        RemoteEndPoint = remoteEndPoint;
        _frameReader = new FrameReader(options.MaxFrameBodyLength);
        _maxSendBodyLength = options.MaxFrameBodyLength;
        _maxPendingSendBytes = options.MaxPendingSendBytes;
        _stallTimeout = options.ResponseTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public override string PeerIdentity { get; }

    /// <inheritdoc/>
    public override EndPoint? RemoteEndPoint { get; }

    /// <inheritdoc/>
    public override Task Closed => _closed.Task;

    /// <summary>Gets how many replies arrived for calls no longer waiting (canceled or timed out) and were dropped.</summary>
    internal long DroppedReplies => Interlocked.Read(ref _droppedReplies);

    /// <summary>Gets how many calls wait for a reply.</summary>
    internal int PendingCallCount => _pending.Count;

    /// <summary>Starts the read loop.</summary>
    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <inheritdoc/>
    public override long SendCall<TState>(OutboundCall call, FrameKind kind, long membershipVersion, uint timeToLiveMilliseconds, FrameFlags flags, TState state, Action<IBufferWriter<byte>, TState>? writeBody)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (kind is not (FrameKind.Request or FrameKind.Ping or FrameKind.MembershipUpdate))
        {
            throw new ArgumentException($"A {kind} frame does not expect a reply; send it with SendFrame.", nameof(kind));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(membershipVersion);
        long correlationId = Interlocked.Increment(ref _nextCorrelationId);
        _pending[correlationId] = call;
        bool queued;
        try
        {
            queued = WriteFrame(new FrameHeader(kind, correlationId, membershipVersion, timeToLiveMilliseconds, flags), state, writeBody);
        }
        catch
        {
            _pending.TryRemove(correlationId, out _);
            throw;
        }

        if (!queued && _pending.TryRemove(correlationId, out _))
        {
            call.OnFailure(CreateClosedException(_closeReason));
        }

        return correlationId;
    }

    /// <inheritdoc/>
    public override bool TryCancelCall(long correlationId) => _pending.TryRemove(correlationId, out _);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The body is larger than the peer accepts (nothing was sent; the connection stays open).</exception>
    public override bool SendFrame<TState>(in FrameHeader header, TState state, Action<IBufferWriter<byte>, TState>? writeBody)
    {
        if (header.Kind is < FrameKind.Request or > FrameKind.MembershipUpdate)
        {
            throw new ArgumentException($"Unknown frame kind {header.Kind}.", nameof(header));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(header.MembershipVersion, nameof(header));
        return WriteFrame(header, state, writeBody);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PeerIdentity} ({RemoteEndPoint})";
}
