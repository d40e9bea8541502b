using System.Buffers;
using System.Collections.Concurrent;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Cluster.Tests.Client;

/// <summary>What a <see cref="FakeSilo"/> does with a request.</summary>
internal enum FakeSiloAction
{
    /// <summary>Serve it if this silo owns the grain under its view, else answer NotOwner.</summary>
    Default,

    /// <summary>Answer NotOwner whatever the view says.</summary>
    NotOwner,

    /// <summary>Never answer.</summary>
    Hang,

    /// <summary>Close the connection without answering.</summary>
    Drop,
}

/// <summary>
/// A silo for client tests: answers snapshot requests with its view, serves cache-entry requests over a dictionary (through the real
/// codecs and the real silo-side <see cref="CacheClusterControl"/> for batches), answers NotOwner for grains it does not own, and can
/// hang or drop calls on demand.
/// </summary>
internal sealed class FakeSilo : IGrainCallInvoker, ICacheSiloControl
{
    private readonly GrainFactory _localGrains;

    public FakeSilo(FakeCluster cluster, SiloAddress address)
    {
        Cluster = cluster;
        Address = address;
        _localGrains = new GrainFactory(CacheGrainInterfaces.Registrations, this);
    }

    public FakeCluster Cluster { get; }

    public SiloAddress Address { get; }

    public bool Down { get; set; }

    /// <summary>Gets or sets this silo's own view; <see langword="null"/> = the cluster's.</summary>
    public MembershipTableSnapshot? OwnSnapshot { get; set; }

    public MembershipTableSnapshot Snapshot => OwnSnapshot ?? Cluster.Snapshot;

    public ConcurrentDictionary<string, byte[]> Store { get; } = new();

    /// <summary>Gets the requests that reached this silo over the network: (grain, method).</summary>
    public ConcurrentQueue<(GrainId Grain, string Method)> Received { get; } = new();

    public int ClearCount;

    /// <summary>Gets or sets how the silo treats a request; the default serves or answers NotOwner.</summary>
    public Func<GrainId, GrainRequest, FakeSiloAction> Behavior { get; set; } = static (_, _) => FakeSiloAction.Default;

    public void Handle(FakeSiloConnection connection, FrameHeader header, byte[] body)
    {
        long version = Snapshot.Version;
        if (header.Kind == FrameKind.MembershipUpdate)
        {
            var snapshot = new ArrayBufferWriter<byte>();
            MembershipSnapshotCodec.Write(snapshot, Snapshot);
            connection.Reply(new FrameHeader(FrameKind.MembershipUpdate, header.CorrelationId, version, 0), snapshot.WrittenSpan.ToArray());
            return;
        }

        DecodedGrainRequest decoded = CacheGrainCodecs.MessageCodec.ReadRequest(new ReadOnlySequence<byte>(body));
        Received.Enqueue((decoded.Target, decoded.Request.MethodName));
        FakeSiloAction action = Behavior(decoded.Target, decoded.Request);
        if (action == FakeSiloAction.Default && !Owns(decoded.Target))
        {
            action = FakeSiloAction.NotOwner;
        }

        var response = new ArrayBufferWriter<byte>();
        switch (action)
        {
            case FakeSiloAction.Hang:
                return;
            case FakeSiloAction.Drop:
                connection.Abort(new IOException("dropped by the test"));
                return;
            case FakeSiloAction.NotOwner:
                GrainMessageCodec.WriteRejection(response, RejectionReason.NotOwner, $"{Address} does not own {decoded.Target} in version {version}.");
                break;
            default:
                GrainMessageCodec.InvokeAsync(this, decoded, response, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                break;
        }

        connection.Reply(new FrameHeader(FrameKind.Response, header.CorrelationId, version, 0), response.WrittenSpan.ToArray());
    }

    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        object grain = target.Type == CacheGrainTypes.ClusterControl
            ? new CacheClusterControl(_localGrains, this)
            : new DictionaryEntryGrain(Store, target.Key);
        return request.InvokeAsync(grain, cancellationToken);
    }

    public ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ClearCount);
        Store.Clear();
        return ValueTask.FromResult(true);
    }

    private bool Owns(GrainId grain)
        => SystemTargets.TryGetSilo(grain, out SiloAddress? silo)
            ? silo.Equals(Address)
            : Address.Equals(new MembershipView(Snapshot).SelectOwner(grain));
}
