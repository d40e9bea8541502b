using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Orleans.Caching.Cluster.Tests.Networking;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Cluster.Tests.Client;

/// <summary>
/// A tiny silo on a real Kestrel listener (the transport's <see cref="SiloConnectionHandler"/>): answers snapshot requests with the shared
/// table, serves cache-entry requests over a dictionary when it owns the key (NotOwner otherwise), and batches through the real
/// <see cref="CacheClusterControl"/>.
/// </summary>
internal sealed class SocketTestSilo : IFrameHandler, IGrainCallInvoker, ICacheSiloControl, IAsyncDisposable
{
    private readonly Func<MembershipTableSnapshot> _snapshot;
    private readonly GrainFactory _localGrains;
    private SiloListener? _listener;

    private SocketTestSilo(Func<MembershipTableSnapshot> snapshot)
    {
        _snapshot = snapshot;
        _localGrains = new GrainFactory(CacheGrainInterfaces.Registrations, this);
    }

    public SiloAddress Address { get; private set; } = null!;

    public ConcurrentDictionary<string, byte[]> Store { get; } = new();

    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<SocketTestSilo> StartAsync(ClusterOptions options, Func<MembershipTableSnapshot> snapshot)
    {
        var silo = new SocketTestSilo(snapshot);
        silo._listener = await SiloListener.StartAsync(options, silo);
        silo.Address = new SiloAddress(new IPEndPoint(IPAddress.Loopback, silo._listener.EndPoint.Port), 1);
        return silo;
    }

    public void OnFrame(FrameConnection connection, in Frame frame)
    {
        MembershipTableSnapshot snapshot = _snapshot();
        long correlationId = frame.Header.CorrelationId;
        if (frame.Header.Kind == FrameKind.MembershipUpdate)
        {
            if (frame.Body.IsEmpty)
            {
                connection.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, correlationId, snapshot.Version, 0), snapshot, static (o, s) => MembershipSnapshotCodec.Write(o, s));
            }

            return;
        }

        DecodedGrainRequest decoded = CacheGrainCodecs.MessageCodec.ReadRequest(frame.Body);
        Received.Enqueue(decoded.Target.ToString());
        _ = ServeAsync(connection, correlationId, snapshot, decoded);
    }

    public void OnClosed(FrameConnection connection, Exception? reason)
    {
    }

    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
        => request.InvokeAsync(
            target.Type == CacheGrainTypes.ClusterControl ? new CacheClusterControl(_localGrains, this) : new DictionaryEntryGrain(Store, target.Key),
            cancellationToken);

    public ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        Store.Clear();
        return ValueTask.FromResult(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    private async Task ServeAsync(FrameConnection connection, long correlationId, MembershipTableSnapshot snapshot, DecodedGrainRequest decoded)
    {
        var body = new ArrayBufferWriter<byte>();
        bool owns = SystemTargets.TryGetSilo(decoded.Target, out SiloAddress? addressed)
            ? addressed.Equals(Address)
            : Address.Equals(new MembershipView(snapshot).SelectOwner(decoded.Target));
        if (owns)
        {
            await GrainMessageCodec.InvokeAsync(this, decoded, body, CancellationToken.None);
        }
        else
        {
            GrainMessageCodec.WriteRejection(body, RejectionReason.NotOwner, $"{Address} does not own {decoded.Target}.");
        }

        connection.SendFrame(new FrameHeader(FrameKind.Response, correlationId, snapshot.Version, 0), body, static (o, b) => o.Write(b.WrittenSpan));
    }
}
