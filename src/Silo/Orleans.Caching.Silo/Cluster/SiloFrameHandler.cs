using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Serves the frames peers and clients send a cluster silo: requests for grains this silo owns run on its catalog; requests for grains
/// another silo owns are forwarded once (a request that was already forwarded is answered <see cref="RejectionReason.NotOwner"/>);
/// system-target requests run on their target object; membership requests are answered with the snapshot, gossip is handed to the
/// membership agent. Every response carries this silo's membership version, so callers with an older view refresh it.
/// </summary>
internal sealed class SiloFrameHandler : IFrameHandler
{
    private const int MaxPooledBodyCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_threadBody;

    private readonly ConcurrentDictionary<FrameConnection, byte> _inbound = new();
    private readonly GrainMessageCodec _codec;
    private readonly IGrainCallInvoker _local;
    private readonly FrozenDictionary<GrainType, object> _systemTargets;
    private readonly ILogger _logger;
    private ClusterSiloState? _state;

    public SiloFrameHandler(GrainMessageCodec codec, IGrainCallInvoker local, FrozenDictionary<GrainType, object> systemTargets, ILogger logger)
    {
        _codec = codec;
        _local = local;
        _systemTargets = systemTargets;
        _logger = logger;
    }

    /// <summary>Gets the connections peers and clients opened to this silo.</summary>
    public ICollection<FrameConnection> InboundConnections => _inbound.Keys;

    /// <summary>Starts serving: until then requests are answered <see cref="RejectionReason.Unavailable"/>.</summary>
    /// <param name="state">The started silo's address, membership and peer connections.</param>
    public void Start(ClusterSiloState state) => Volatile.Write(ref _state, state);

    /// <summary>Stops serving (a killed silo): every later frame closes its connection.</summary>
    public void Kill()
    {
        Volatile.Write(ref _state, ClusterSiloState.Killed);
        foreach (FrameConnection connection in _inbound.Keys)
        {
            connection.Abort(new ConnectionClosedException("The silo was killed."));
        }
    }

    /// <inheritdoc/>
    public void OnFrame(FrameConnection connection, in Frame frame)
    {
        ClusterSiloState? state = Volatile.Read(ref _state);
        if (ReferenceEquals(state, ClusterSiloState.Killed))
        {
            throw new WireProtocolException("The silo was killed.");
        }

        if (connection.Tag is null)
        {
            // Connections this silo opened are tagged with the peer's address; the others were opened to it.
            connection.Tag = this;
            _inbound.TryAdd(connection, 0);
        }

        switch (frame.Header.Kind)
        {
            case FrameKind.Request:
                OnRequest(state, connection, frame);
                break;
            case FrameKind.MembershipUpdate:
                OnMembershipUpdate(state, connection, frame);
                break;
            default:
                throw new WireProtocolException($"A silo does not accept unsolicited {frame.Header.Kind} frames.");
        }
    }

    /// <inheritdoc/>
    public void OnClosed(FrameConnection connection, Exception? reason)
    {
        _inbound.TryRemove(connection, out _);
        if (reason is not null && reason is not ConnectionClosedException)
        {
            Log.ConnectionClosed(_logger, connection.PeerIdentity, reason.Message);
        }
    }

    /// <summary>Sends a membership snapshot to every connection opened to this silo (clients learn view changes at once).</summary>
    /// <param name="snapshot">The snapshot.</param>
    public void PushToInbound(MembershipTableSnapshot snapshot)
    {
        foreach (FrameConnection connection in _inbound.Keys)
        {
            connection.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, 0, snapshot.Version, 0), snapshot, static (output, table) => MembershipSnapshotCodec.Write(output, table));
        }
    }

    private static void Reply(FrameConnection connection, long correlationId, long version, RejectionReason reason, string message)
        => connection.SendFrame(new FrameHeader(FrameKind.Response, correlationId, version, 0), (reason, message), static (output, rejection)
            => GrainMessageCodec.WriteRejection(output, rejection.reason, rejection.message));

    private void OnMembershipUpdate(ClusterSiloState? state, FrameConnection connection, in Frame frame)
    {
        if (frame.Body.IsEmpty)
        {
            MembershipTableSnapshot snapshot = state?.Membership.CurrentView.Snapshot ?? MembershipTableSnapshot.Empty;
            connection.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, frame.Header.CorrelationId, snapshot.Version, 0), snapshot, static (output, table) => MembershipSnapshotCodec.Write(output, table));
            return;
        }

        MembershipTableSnapshot gossip = MembershipSnapshotCodec.Read(frame.Body);
        state?.Membership.OnGossip(gossip);
    }

    private void OnRequest(ClusterSiloState? state, FrameConnection connection, in Frame frame)
    {
        FrameHeader header = frame.Header;
        long version = state?.Membership.CurrentView.Version ?? 0;
        if (state is null)
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.Unavailable, "The silo is starting and does not serve requests yet.");
            return;
        }

        DecodedGrainRequest decoded;
        try
        {
            decoded = _codec.ReadRequest(frame.Body);
        }
        catch (WireProtocolException exception)
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.BadRequest, exception.Message);
            return;
        }
        catch (GrainCallRejectedException exception)
        {
            Reply(connection, header.CorrelationId, version, exception.Reason, exception.Message);
            return;
        }

        state.Statistics.OnRequest();
        if (SystemTargets.IsSystemTarget(decoded.Target.Type))
        {
            OnSystemTargetRequest(state, connection, header, decoded, version);
            return;
        }

        MembershipView view = state.Membership.CurrentView;
        if (header.MembershipVersion > view.Version)
        {
            state.RequestRefresh();
        }

        SiloAddress? owner = view.SelectOwner(decoded.Target);
        if (owner is null)
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.Unavailable, "No silo is active in the cluster.");
        }
        else if (owner.Equals(state.Self))
        {
            InvokeLocal(state, connection, header.CorrelationId, header.TimeToLiveMilliseconds, decoded);
        }
        else if ((header.Flags & FrameFlags.Forwarded) != 0)
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.NotOwner, $"Silo {state.Self} does not own grain {decoded.Target} at membership version {version}; its owner is {owner}.");
        }
        else
        {
            byte[] body = frame.Body.ToArray();
            _ = ForwardAsync(state, connection, header, owner, body);
        }
    }

    private void OnSystemTargetRequest(ClusterSiloState state, FrameConnection connection, FrameHeader header, DecodedGrainRequest decoded, long version)
    {
        if (_systemTargets.TryGetValue(decoded.Target.Type, out object? endpointTarget) && endpointTarget is IEndpointSystemTarget)
        {
            // Addressed by endpoint (the caller knows no generation): whichever silo answers serves it; the target refuses what it cannot serve.
            Invoke(state, connection, header.CorrelationId, decoded, new SystemTargetInvoker(endpointTarget));
            return;
        }

        if (!SystemTargets.TryGetSilo(decoded.Target, out SiloAddress? silo) || !silo.Equals(state.Self))
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.NotOwner, $"The system target {decoded.Target} is addressed to another silo than {state.Self}.");
            return;
        }

        if (!_systemTargets.TryGetValue(decoded.Target.Type, out object? target))
        {
            Reply(connection, header.CorrelationId, version, RejectionReason.BadRequest, $"Silo {state.Self} has no system target of type '{decoded.Target.Type}'.");
            return;
        }

        Invoke(state, connection, header.CorrelationId, decoded, new SystemTargetInvoker(target));
    }

    private static void Respond(ClusterSiloState state, FrameConnection connection, long correlationId, ArrayBufferWriter<byte> body)
        => connection.SendFrame(new FrameHeader(FrameKind.Response, correlationId, state.Membership.CurrentView.Version, 0), body, static (output, written) => output.Write(written.WrittenSpan));

    private static ArrayBufferWriter<byte> RentBody()
    {
        ArrayBufferWriter<byte>? body = s_threadBody;
        s_threadBody = null;
        return body ?? new ArrayBufferWriter<byte>(256);
    }

    private static void ReturnBody(ArrayBufferWriter<byte> body)
    {
        if (body.Capacity <= MaxPooledBodyCapacity)
        {
            body.ResetWrittenCount();
            s_threadBody = body;
        }
    }

    /// <summary>Runs a request on this silo's catalog with the frame's time-to-live in <see cref="RequestTimeToLive"/> while it is
    /// delivered: if it has to wait in the grain's queue, it keeps a deadline and is answered with a Timeout rejection instead of running
    /// once that passes.</summary>
    private void InvokeLocal(ClusterSiloState state, FrameConnection connection, long correlationId, uint timeToLive, DecodedGrainRequest decoded)
    {
        RequestTimeToLive.Current = timeToLive;
        try
        {
            Invoke(state, connection, correlationId, decoded, _local);
        }
        finally
        {
            RequestTimeToLive.Current = 0;
        }
    }

    /// <summary>Runs a request and sends its response. A call that completes synchronously (an idle activation's turn runs inline, as
    /// most cache hits do) costs no allocation here: the response is written into a per-thread buffer and sent at once (on the read
    /// loop, the connection flushes once per batch of frames read). Only a call that waits goes through an async method.</summary>
    private static void Invoke(ClusterSiloState state, FrameConnection connection, long correlationId, DecodedGrainRequest decoded, IGrainCallInvoker invoker)
    {
        ArrayBufferWriter<byte> body = RentBody();
        ValueTask call;
        try
        {
            call = GrainMessageCodec.InvokeAsync(invoker, decoded, body, CancellationToken.None);
        }
        catch (Exception exception)
        {
            call = ValueTask.FromException(exception);
        }

        if (call.IsCompletedSuccessfully)
        {
            call.GetAwaiter().GetResult();
            Respond(state, connection, correlationId, body);
            ReturnBody(body);
            return;
        }

        _ = CompleteAsync(state, connection, correlationId, call, body);
    }

    private static async Task CompleteAsync(ClusterSiloState state, FrameConnection connection, long correlationId, ValueTask call, ArrayBufferWriter<byte> body)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            body.ResetWrittenCount();
            GrainMessageCodec.WriteRejection(body, RejectionReason.Unavailable, exception.Message);
        }

        Respond(state, connection, correlationId, body);
        ReturnBody(body);
    }

    private async Task ForwardAsync(ClusterSiloState state, FrameConnection caller, FrameHeader header, SiloAddress owner, byte[] body)
    {
        var relay = new RelayCall(caller, header.CorrelationId, () => state.Membership.CurrentView.Version);
        FrameConnection target;
        try
        {
            target = await state.Connections.GetAsync(owner).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is GrainCallRejectedException or HandshakeRefusedException or ObjectDisposedException)
        {
            relay.Fail(exception.Message);
            return;
        }

        try
        {
            target.SendCall(relay, FrameKind.Request, state.Membership.CurrentView.Version, header.TimeToLiveMilliseconds, FrameFlags.Forwarded, body, static (output, bytes) => output.Write(bytes));
        }
        catch (ArgumentException exception)
        {
            relay.Fail(exception.Message);
        }
    }

    /// <summary>Runs requests on a system target object, concurrently, outside the catalog.</summary>
    private sealed class SystemTargetInvoker(object target) : IGrainCallInvoker
    {
        public ValueTask<TResult> InvokeAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, CancellationToken cancellationToken)
            => request.InvokeAsync(target, cancellationToken);
    }
}
