using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Client;

/// <summary>A set of <see cref="FakeSilo"/>s reached through an in-memory <see cref="IFrameConnector"/>, with one shared membership table.</summary>
internal sealed class FakeCluster : IFrameConnector
{
    private readonly ConcurrentDictionary<IPEndPoint, FakeSilo> _silos = new();

    public FakeCluster(int silos)
    {
        for (int i = 0; i < silos; i++)
        {
            AddSilo();
        }

        Snapshot = SnapshotOf(1, _silos.Values.Select(s => s.Address));
    }

    public MembershipTableSnapshot Snapshot { get; set; }

    public IReadOnlyList<FakeSilo> Silos => [.. _silos.Values.OrderBy(s => s.Address)];

    public ConcurrentQueue<FakeSiloConnection> Connections { get; } = new();

    public int ConnectCount => Connections.Count;

    public IList<string> Gateways => [.. Silos.Select(s => s.Address.Endpoint.ToString())];

    public static MembershipTableSnapshot SnapshotOf(long version, IEnumerable<SiloAddress> active)
        => new(version, [.. active.Select(a => new MembershipEntry { Silo = a, Status = SiloStatus.Active, StartTime = DateTimeOffset.UnixEpoch, IAmAliveTime = DateTimeOffset.UnixEpoch })]);

    public FakeSilo AddSilo()
    {
        var address = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 20000 + _silos.Count), 1);
        var silo = new FakeSilo(this, address);
        _silos[address.Endpoint] = silo;
        return silo;
    }

    public FakeSilo Owner(string key) => _silos[new MembershipView(Snapshot).SelectOwner(new GrainId(CacheGrainTypes.Entry, key))!.Endpoint];

    public ClusterClient CreateClient(TimeProvider time, Action<ClusterOptions>? configure = null)
    {
        var options = new ClusterOptions { Gateways = Gateways, ResponseTimeout = TimeSpan.FromSeconds(5), RetryDeadline = TimeSpan.FromSeconds(3) };
        configure?.Invoke(options);
        return new ClusterClient(options, this, CacheGrainCodecs.MessageCodec, time, NullLoggerFactory.Instance);
    }

    /// <summary>Sends a snapshot as gossip on every open connection.</summary>
    public void Gossip(MembershipTableSnapshot snapshot)
    {
        var body = new ArrayBufferWriter<byte>();
        MembershipSnapshotCodec.Write(body, snapshot);
        foreach (FakeSiloConnection connection in Connections.Where(c => c.IsOpen))
        {
            connection.Push(new FrameHeader(FrameKind.MembershipUpdate, 0, snapshot.Version, 0), body.WrittenSpan.ToArray());
        }
    }

    public Task<FrameConnection> ConnectAsync(EndPoint endpoint, IFrameHandler handler, CancellationToken cancellationToken)
    {
        if (!_silos.TryGetValue((IPEndPoint)endpoint, out FakeSilo? silo) || silo.Down)
        {
            return Task.FromException<FrameConnection>(new ConnectionClosedException($"Nothing listens on {endpoint}."));
        }

        var connection = new FakeSiloConnection(silo, handler);
        Connections.Enqueue(connection);
        return Task.FromResult<FrameConnection>(connection);
    }
}
