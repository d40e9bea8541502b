using System.Buffers;
using System.Security.Cryptography;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The connecting side of a handshake (a client, or a silo calling a peer), as a pure state machine (no I/O): send the body
/// <see cref="Start"/> writes as a <see cref="FrameKind.Handshake"/> frame, feed each <see cref="FrameKind.HandshakeResponse"/>
/// body to <see cref="Receive"/>, and send what it writes. With a secret it accepts the silo only after verifying the silo's
/// proof over this side's fresh nonce, so a silo that does not know the secret (or replays an old challenge) is refused.
/// </summary>
public sealed class HandshakeInitiator
{
    private readonly HandshakeOptions _options;
    private readonly string _identity;
    private readonly byte[] _nonce = new byte[WireProtocol.NonceLength];
    private State _state = State.NotStarted;

    /// <summary>Initializes a new instance of the <see cref="HandshakeInitiator"/> class.</summary>
    /// <param name="options">The cluster id, secret and protocol version.</param>
    /// <param name="identity">This side's identity (a client name or a silo address), told to the silo.</param>
    public HandshakeInitiator(HandshakeOptions options, string identity)
        : this(options, identity, RandomNumberGenerator.Fill)
    {
    }

    internal HandshakeInitiator(HandshakeOptions options, string identity, Action<Span<byte>> fillNonce)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ClusterId, "options.ClusterId");
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(fillNonce);
        _options = options;
        _identity = identity;
        fillNonce(_nonce);
    }

    private enum State
    {
        NotStarted,
        AwaitingResponse,
        AwaitingVerdict,
        Done,
    }

    /// <summary>Gets where the handshake stands.</summary>
    public HandshakeStatus Status { get; private set; }

    /// <summary>Gets why the handshake was refused (by either side), when <see cref="Status"/> is <see cref="HandshakeStatus.Refused"/>.</summary>
    public HandshakeRefusalReason? RefusalReason { get; private set; }

    /// <summary>Gets what the refusal said, when refused.</summary>
    public string? RefusalMessage { get; private set; }

    /// <summary>Gets the silo's identity, once told.</summary>
    public string? PeerIdentity { get; private set; }

    /// <summary>Writes the hello.</summary>
    /// <param name="output">Receives the body to send.</param>
    public void Start(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_state != State.NotStarted)
        {
            throw new InvalidOperationException("The handshake has already started.");
        }

        HandshakeMessages.WriteHello(output, _options.ProtocolVersion, _options.ClusterId, _identity, _nonce, _options.Secret is not null);
        _state = State.AwaitingResponse;
    }

    /// <summary>Handles one message from the silo.</summary>
    /// <param name="body">The body of a <see cref="FrameKind.HandshakeResponse"/> frame.</param>
    /// <param name="output">Receives the body of the reply to send, if any.</param>
    /// <returns>The status after the step.</returns>
    /// <exception cref="WireProtocolException">The message is malformed or out of order: close the connection.</exception>
    public HandshakeStatus Receive(in ReadOnlySequence<byte> body, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new WireReader(body);
        var type = (HandshakeMessageType)reader.ReadByte();
        switch (type)
        {
            case HandshakeMessageType.Refused when _state is State.AwaitingResponse or State.AwaitingVerdict:
                byte reason = reader.ReadByte();
                string message = reader.ReadString();
                reader.EnsureEnd();
                if (!Enum.IsDefined((HandshakeRefusalReason)reason))
                {
                    throw new WireProtocolException($"Malformed handshake refusal: unknown reason {reason}.");
                }

                return Refuse((HandshakeRefusalReason)reason, message);
            case HandshakeMessageType.Accepted when _state == State.AwaitingResponse:
                PeerIdentity = reader.ReadString();
                reader.EnsureEnd();
                return _options.Secret is null
                    ? Accept()
                    : Refuse(HandshakeRefusalReason.AuthenticationFailed, $"The silo {PeerIdentity} accepted without proving it knows the cluster secret.");
            case HandshakeMessageType.Accepted when _state == State.AwaitingVerdict:
                string identity = reader.ReadString();
                reader.EnsureEnd();
                if (!string.Equals(identity, PeerIdentity, StringComparison.Ordinal))
                {
                    throw new WireProtocolException($"The silo changed its identity during the handshake ({PeerIdentity} → {identity}).");
                }

                return Accept();
            case HandshakeMessageType.Challenge when _state == State.AwaitingResponse:
                return OnChallenge(ref reader, output);
            default:
                throw new WireProtocolException($"Unexpected handshake message {type} while {_state}.");
        }
    }

    /// <summary>Throws unless the handshake was accepted.</summary>
    /// <exception cref="HandshakeRefusedException">It was refused.</exception>
    /// <exception cref="InvalidOperationException">It is still in progress.</exception>
    public void EnsureAccepted()
    {
        switch (Status)
        {
            case HandshakeStatus.Accepted:
                return;
            case HandshakeStatus.Refused:
                throw new HandshakeRefusedException(RefusalReason!.Value, RefusalMessage ?? "The handshake was refused.");
            default:
                throw new InvalidOperationException("The handshake is still in progress.");
        }
    }

    private HandshakeStatus OnChallenge(ref WireReader reader, IBufferWriter<byte> output)
    {
        PeerIdentity = reader.ReadString();
        byte[] acceptorNonce = new byte[WireProtocol.NonceLength];
        reader.ReadExactly(acceptorNonce);
        byte[] acceptorProof = new byte[WireProtocol.ProofLength];
        reader.ReadExactly(acceptorProof);
        reader.EnsureEnd();
        if (_options.Secret is null)
        {
            return Refuse(HandshakeRefusalReason.SecretRequired, $"The silo {PeerIdentity} requires the cluster secret (Caching:Cluster:Secret) and this side has none.");
        }

        if (acceptorNonce.AsSpan().SequenceEqual(_nonce))
        {
            return Refuse(HandshakeRefusalReason.ReplayedNonce, $"The silo {PeerIdentity} echoed this side's nonce: a reflected handshake.");
        }

        byte[] expected = HandshakeProof.Compute(_options.Secret, HandshakeProof.AcceptorLabel, _options.ProtocolVersion, _options.ClusterId, _identity, PeerIdentity, _nonce, acceptorNonce);
        if (!HandshakeProof.Matches(expected, acceptorProof))
        {
            return Refuse(HandshakeRefusalReason.AuthenticationFailed, $"The silo {PeerIdentity} could not prove it knows the cluster secret (Caching:Cluster:Secret).");
        }

        byte[] proof = HandshakeProof.Compute(_options.Secret, HandshakeProof.InitiatorLabel, _options.ProtocolVersion, _options.ClusterId, _identity, PeerIdentity, _nonce, acceptorNonce);
        HandshakeMessages.WriteProof(output, proof);
        _state = State.AwaitingVerdict;
        return Status;
    }

    private HandshakeStatus Accept()
    {
        _state = State.Done;
        Status = HandshakeStatus.Accepted;
        return Status;
    }

    private HandshakeStatus Refuse(HandshakeRefusalReason reason, string message)
    {
        _state = State.Done;
        RefusalReason = reason;
        RefusalMessage = message;
        Status = HandshakeStatus.Refused;
        return Status;
    }
}
