using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

/// <summary>An in-memory client-side connection to a <see cref="FakeSilo"/>: calls are handed to the silo on the thread pool, replies
/// come back through the pending call, as a real connection's read loop would deliver them.</summary>
internal sealed class FakeSiloConnection : FrameConnection
{
    private readonly ConcurrentDictionary<long, OutboundCall> _pending = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IFrameHandler _handler;
    private long _nextId;

    public FakeSiloConnection(FakeSilo silo, IFrameHandler handler)
    {
        Silo = silo;
        _handler = handler;
    }

    public FakeSilo Silo { get; }

    public int PendingCount => _pending.Count;

    public override string PeerIdentity => Silo.Address.ToString();

    public override EndPoint? RemoteEndPoint => Silo.Address.Endpoint;

    public override Task Closed => _closed.Task;

    public override long SendCall<TState>(OutboundCall call, FrameKind kind, long membershipVersion, uint timeToLiveMilliseconds, FrameFlags flags, TState state, Action<IBufferWriter<byte>, TState>? writeBody)
    {
        long id = Interlocked.Increment(ref _nextId);
        if (!IsOpen)
        {
            call.OnFailure(new ConnectionClosedException());
            return id;
        }

        var body = new ArrayBufferWriter<byte>();
        writeBody?.Invoke(body, state);
        _pending[id] = call;
        byte[] bytes = body.WrittenSpan.ToArray();
        _ = Task.Run(() => Silo.Handle(this, new FrameHeader(kind, id, membershipVersion, timeToLiveMilliseconds, flags), bytes));
        return id;
    }

    public override bool TryCancelCall(long correlationId) => _pending.TryRemove(correlationId, out _);

    public override bool SendFrame<TState>(in FrameHeader header, TState state, Action<IBufferWriter<byte>, TState>? writeBody) => IsOpen;

    /// <summary>Delivers a reply from the silo.</summary>
    public void Reply(in FrameHeader header, byte[] body)
    {
        if (_pending.TryRemove(header.CorrelationId, out OutboundCall? call))
        {
            call.OnResponse(header, new ReadOnlySequence<byte>(body));
        }
    }

    /// <summary>Delivers an unsolicited frame (gossip) from the silo.</summary>
    public void Push(in FrameHeader header, byte[] body) => _handler.OnFrame(this, new Frame(header, new ReadOnlySequence<byte>(body)));

    public override void Abort(Exception? reason)
    {
        if (!_closed.TrySetResult())
        {
            return;
        }

        foreach (long id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out OutboundCall? call))
            {
                call.OnFailure(new ConnectionClosedException("The fake connection was aborted.", reason));
            }
        }

        _handler.OnClosed(this, reason);
    }

    public override ValueTask DisposeAsync()
    {
        Abort(null);
        return ValueTask.CompletedTask;
    }
}
