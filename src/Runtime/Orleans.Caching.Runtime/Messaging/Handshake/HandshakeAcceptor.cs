using System.Buffers;
using System.Security.Cryptography;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The silo's side of a connection handshake, as a pure state machine (no I/O): feed it each <see cref="FrameKind.Handshake"/>
/// body and send what it writes as <see cref="FrameKind.HandshakeResponse"/> frames. Checks the protocol version and cluster id,
/// and with a secret runs the mutual HMAC challenge–response: answers the client's nonce with its own nonce and proof, then
/// verifies the client's proof.
/// </summary>
public sealed class HandshakeAcceptor
{
    private readonly HandshakeOptions _options;
    private readonly string _identity;
    private readonly HandshakeReplayCache _replayCache;
    private readonly Action<Span<byte>> _fillNonce;
    private byte[] _initiatorNonce = [];
    private byte[] _acceptorNonce = [];
    private State _state = State.AwaitingHello;

    /// <summary>Initializes a new instance of the <see cref="HandshakeAcceptor"/> class.</summary>
    /// <param name="options">The silo's cluster id, secret and protocol version.</param>
    /// <param name="identity">The silo's identity (its address), told to the client.</param>
    /// <param name="replayCache">The silo-wide cache of nonces seen.</param>
    public HandshakeAcceptor(HandshakeOptions options, string identity, HandshakeReplayCache replayCache)
        : this(options, identity, replayCache, RandomNumberGenerator.Fill)
    {
    }

    internal HandshakeAcceptor(HandshakeOptions options, string identity, HandshakeReplayCache replayCache, Action<Span<byte>> fillNonce)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ClusterId, "options.ClusterId");
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(replayCache);
        _options = options;
        _identity = identity;
        _replayCache = replayCache;
        _fillNonce = fillNonce;
    }

    private enum State
    {
        AwaitingHello,
        AwaitingProof,
        Done,
    }

    /// <summary>Gets where the handshake stands.</summary>
    public HandshakeStatus Status { get; private set; }

    /// <summary>Gets why the handshake was refused, when <see cref="Status"/> is <see cref="HandshakeStatus.Refused"/>.</summary>
    public HandshakeRefusalReason? RefusalReason { get; private set; }

    /// <summary>Gets the client's identity, once told.</summary>
    public string? PeerIdentity { get; private set; }

    /// <summary>Gets the protocol version both sides speak, once accepted.</summary>
    public ushort ProtocolVersion => _options.ProtocolVersion;

    /// <summary>Handles one message from the client.</summary>
    /// <param name="body">The body of a <see cref="FrameKind.Handshake"/> frame.</param>
    /// <param name="output">Receives the body of the reply to send, if any.</param>
    /// <returns>The status after the step.</returns>
    /// <exception cref="WireProtocolException">The message is malformed or out of order: close the connection.</exception>
    public HandshakeStatus Receive(in ReadOnlySequence<byte> body, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new WireReader(body);
        var type = (HandshakeMessageType)reader.ReadByte();
        switch (_state)
        {
            case State.AwaitingHello when type == HandshakeMessageType.Hello:
                return OnHello(ref reader, output);
            case State.AwaitingProof when type == HandshakeMessageType.Proof:
                return OnProof(ref reader, output);
            default:
                throw new WireProtocolException($"Unexpected handshake message {type} while {_state}.");
        }
    }

    private HandshakeStatus OnHello(ref WireReader reader, IBufferWriter<byte> output)
    {
        ushort version = reader.ReadUInt16();
        if (version != _options.ProtocolVersion)
        {
            return Refuse(output, HandshakeRefusalReason.ProtocolVersionMismatch, $"The client speaks protocol version {version}; this silo speaks {_options.ProtocolVersion}.");
        }

        string clusterId = reader.ReadString();
        PeerIdentity = reader.ReadString();
        _initiatorNonce = new byte[WireProtocol.NonceLength];
        reader.ReadExactly(_initiatorNonce);
        bool initiatorHasSecret = reader.ReadBoolean();
        reader.EnsureEnd();
        if (!string.Equals(clusterId, _options.ClusterId, StringComparison.Ordinal))
        {
            return Refuse(output, HandshakeRefusalReason.ClusterIdMismatch, $"The client belongs to cluster '{clusterId}'; this silo belongs to cluster '{_options.ClusterId}'.");
        }

        if (_options.Secret is null)
        {
            return initiatorHasSecret
                ? Refuse(output, HandshakeRefusalReason.SecretNotConfigured, "The client has a cluster secret but this silo has none (Caching:Cluster:Secret); set the same secret on both.")
                : Accept(output);
        }

        if (!initiatorHasSecret)
        {
            return Refuse(output, HandshakeRefusalReason.SecretRequired, "This silo requires the cluster secret (Caching:Cluster:Secret) and the client has none.");
        }

        if (!_replayCache.TryAdd(_initiatorNonce))
        {
            return Refuse(output, HandshakeRefusalReason.ReplayedNonce, "The client's handshake nonce was used before: a replayed handshake.");
        }

        _acceptorNonce = new byte[WireProtocol.NonceLength];
        _fillNonce(_acceptorNonce);
        byte[] proof = HandshakeProof.Compute(_options.Secret, HandshakeProof.AcceptorLabel, version, clusterId, PeerIdentity, _identity, _initiatorNonce, _acceptorNonce);
        HandshakeMessages.WriteChallenge(output, _identity, _acceptorNonce, proof);
        _state = State.AwaitingProof;
        Status = HandshakeStatus.InProgress;
        return Status;
    }

    private HandshakeStatus OnProof(ref WireReader reader, IBufferWriter<byte> output)
    {
        byte[] proof = new byte[WireProtocol.ProofLength];
        reader.ReadExactly(proof);
        reader.EnsureEnd();
        byte[] expected = HandshakeProof.Compute(_options.Secret!, HandshakeProof.InitiatorLabel, _options.ProtocolVersion, _options.ClusterId, PeerIdentity!, _identity, _initiatorNonce, _acceptorNonce);
        return HandshakeProof.Matches(expected, proof)
            ? Accept(output)
            : Refuse(output, HandshakeRefusalReason.AuthenticationFailed, "The client could not prove it knows the cluster secret (Caching:Cluster:Secret).");
    }

    private HandshakeStatus Accept(IBufferWriter<byte> output)
    {
        HandshakeMessages.WriteAccepted(output, _identity);
        _state = State.Done;
        Status = HandshakeStatus.Accepted;
        return Status;
    }

    private HandshakeStatus Refuse(IBufferWriter<byte> output, HandshakeRefusalReason reason, string message)
    {
        HandshakeMessages.WriteRefused(output, reason, message);
        _state = State.Done;
        RefusalReason = reason;
        Status = HandshakeStatus.Refused;
        return Status;
    }
}
