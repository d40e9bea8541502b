using System.Buffers;
using System.Text;

namespace Orleans.Caching.Runtime.Tests.Messaging;

public sealed class HandshakeTests
{
    private const string Secret = "correct horse battery staple";

    private readonly HandshakeReplayCache _replayCache = new();
    private readonly List<byte[]> _wire = [];

    private static HandshakeOptions Options(string? secret = null, string clusterId = "prod", ushort version = WireProtocol.Version)
        => new() { ClusterId = clusterId, Secret = secret, ProtocolVersion = version };

    private HandshakeAcceptor Silo(HandshakeOptions options, Action<Span<byte>>? nonce = null)
        => nonce is null ? new HandshakeAcceptor(options, "127.0.0.1:11111@1", _replayCache) : new HandshakeAcceptor(options, "127.0.0.1:11111@1", _replayCache, nonce);

    private static Action<Span<byte>> FixedNonce(byte value) => span => span.Fill(value);

    private byte[] Send(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        byte[] bytes = output.WrittenSpan.ToArray();
        _wire.Add(bytes);
        return bytes;
    }

    /// <summary>Runs the handshake to its end, carrying each message to the other side; returns the messages in order.</summary>
    private List<byte[]> Run(HandshakeInitiator client, HandshakeAcceptor silo)
    {
        var messages = new List<byte[]> { Send(client.Start) };
        while (true)
        {
            byte[] toSilo = messages[^1];
            byte[] reply = Send(o => silo.Receive(new ReadOnlySequence<byte>(toSilo), o));
            messages.Add(reply);
            HandshakeStatus status = HandshakeStatus.InProgress;
            byte[] toClient = Send(o => status = client.Receive(new ReadOnlySequence<byte>(reply), o));
            if (status != HandshakeStatus.InProgress || toClient.Length == 0)
            {
                return messages;
            }

            messages.Add(toClient);
        }
    }

    private static HandshakeStatus Deliver(HandshakeAcceptor silo, byte[] message, IBufferWriter<byte>? output = null)
        => silo.Receive(new ReadOnlySequence<byte>(message), output ?? new ArrayBufferWriter<byte>());

    private static HandshakeStatus Deliver(HandshakeInitiator client, byte[] message, IBufferWriter<byte>? output = null)
        => client.Receive(new ReadOnlySequence<byte>(message), output ?? new ArrayBufferWriter<byte>());

    [Fact]
    public void Without_a_secret_the_same_cluster_and_version_are_accepted_in_one_round_trip()
    {
        var client = new HandshakeInitiator(Options(), "client-1");
        HandshakeAcceptor silo = Silo(Options());

        byte[] hello = Send(client.Start);
        byte[] answer = Send(o => Assert.Equal(HandshakeStatus.Accepted, Deliver(silo, hello, o)));

        Assert.Equal(HandshakeStatus.Accepted, Deliver(client, answer));
        client.EnsureAccepted();
        Assert.Equal("client-1", silo.PeerIdentity);
        Assert.Equal("127.0.0.1:11111@1", client.PeerIdentity);
    }

    [Fact]
    public void With_the_right_secret_both_sides_prove_it_and_accept()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        HandshakeAcceptor silo = Silo(Options(Secret));

        byte[] hello = Send(client.Start);
        byte[] challenge = Send(o => Assert.Equal(HandshakeStatus.InProgress, Deliver(silo, hello, o)));
        byte[] proof = Send(o => Assert.Equal(HandshakeStatus.InProgress, Deliver(client, challenge, o)));
        byte[] verdict = Send(o => Assert.Equal(HandshakeStatus.Accepted, Deliver(silo, proof, o)));

        Assert.Equal(HandshakeStatus.Accepted, Deliver(client, verdict));
        Assert.Equal("client-1", silo.PeerIdentity);
    }

    [Fact]
    public void The_secret_never_crosses_the_wire()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        HandshakeAcceptor silo = Silo(Options(Secret));

        Run(client, silo);

        Assert.Equal(HandshakeStatus.Accepted, client.Status);
        byte[] secret = Encoding.UTF8.GetBytes(Secret);
        Assert.All(_wire, message => Assert.Equal(-1, message.AsSpan().IndexOf(secret)));
    }

    [Fact]
    public void A_silo_with_another_secret_is_refused_by_the_client_before_it_sends_a_proof()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        HandshakeAcceptor silo = Silo(Options("another secret"));

        byte[] challenge = Send(o => Deliver(silo, Send(client.Start), o));
        var reply = new ArrayBufferWriter<byte>();

        Assert.Equal(HandshakeStatus.Refused, Deliver(client, challenge, reply));
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, client.RefusalReason);
        Assert.Equal(0, reply.WrittenCount);
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, Assert.Throws<HandshakeRefusedException>(client.EnsureAccepted).Reason);
        Assert.NotEqual(HandshakeStatus.Accepted, silo.Status);
    }

    [Fact]
    public void A_client_with_a_wrong_proof_is_refused_by_the_silo()
    {
        HandshakeAcceptor silo = Silo(Options(Secret));
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        Deliver(silo, Send(client.Start));

        var forged = new ArrayBufferWriter<byte>();
        HandshakeMessages.WriteProof(forged, new byte[WireProtocol.ProofLength]);
        var verdict = new ArrayBufferWriter<byte>();

        Assert.Equal(HandshakeStatus.Refused, Deliver(silo, forged.WrittenSpan.ToArray(), verdict));
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, silo.RefusalReason);
        Assert.Equal(HandshakeStatus.Refused, Deliver(client, verdict.WrittenSpan.ToArray()));
    }

    [Fact]
    public void A_client_without_the_secret_is_refused_when_the_silo_requires_one()
    {
        var client = new HandshakeInitiator(Options(), "client-1");
        HandshakeAcceptor silo = Silo(Options(Secret));

        Run(client, silo);

        Assert.Equal(HandshakeRefusalReason.SecretRequired, silo.RefusalReason);
        Assert.Equal(HandshakeRefusalReason.SecretRequired, client.RefusalReason);
        Assert.Contains("Caching:Cluster:Secret", client.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_with_a_secret_is_refused_by_a_silo_without_one()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        HandshakeAcceptor silo = Silo(Options());

        Run(client, silo);

        Assert.Equal(HandshakeRefusalReason.SecretNotConfigured, client.RefusalReason);
    }

    [Fact]
    public void A_client_with_a_secret_refuses_a_silo_that_accepts_without_proving_it()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1");
        client.Start(new ArrayBufferWriter<byte>());
        var accepted = new ArrayBufferWriter<byte>();
        HandshakeMessages.WriteAccepted(accepted, "impostor");

        Assert.Equal(HandshakeStatus.Refused, Deliver(client, accepted.WrittenSpan.ToArray()));
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, client.RefusalReason);
    }

    [Fact]
    public void A_replayed_hello_is_refused_as_a_reused_nonce()
    {
        byte[] hello = Send(new HandshakeInitiator(Options(Secret), "client-1", FixedNonce(1)).Start);
        Assert.Equal(HandshakeStatus.InProgress, Deliver(Silo(Options(Secret)), hello));

        HandshakeAcceptor second = Silo(Options(Secret));
        var answer = new ArrayBufferWriter<byte>();

        Assert.Equal(HandshakeStatus.Refused, Deliver(second, hello, answer));
        Assert.Equal(HandshakeRefusalReason.ReplayedNonce, second.RefusalReason);
    }

    [Fact]
    public void A_proof_replayed_from_an_earlier_session_is_refused()
    {
        List<byte[]> recorded = Run(new HandshakeInitiator(Options(Secret), "client-1"), Silo(Options(Secret)));
        byte[] recordedProof = recorded[2];

        HandshakeAcceptor silo = Silo(Options(Secret));
        Deliver(silo, Send(new HandshakeInitiator(Options(Secret), "client-1").Start));

        Assert.Equal(HandshakeStatus.Refused, Deliver(silo, recordedProof));
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, silo.RefusalReason);
    }

    [Fact]
    public void A_challenge_replayed_to_a_new_client_is_refused()
    {
        List<byte[]> recorded = Run(new HandshakeInitiator(Options(Secret), "client-1"), Silo(Options(Secret)));
        byte[] recordedChallenge = recorded[1];

        var client = new HandshakeInitiator(Options(Secret), "client-1");
        client.Start(new ArrayBufferWriter<byte>());

        Assert.Equal(HandshakeStatus.Refused, Deliver(client, recordedChallenge));
        Assert.Equal(HandshakeRefusalReason.AuthenticationFailed, client.RefusalReason);
    }

    [Fact]
    public void A_silo_echoing_the_clients_nonce_is_refused()
    {
        var client = new HandshakeInitiator(Options(Secret), "client-1", FixedNonce(9));
        HandshakeAcceptor silo = Silo(Options(Secret), FixedNonce(9));
        byte[] challenge = Send(o => Deliver(silo, Send(client.Start), o));

        Assert.Equal(HandshakeStatus.Refused, Deliver(client, challenge));
        Assert.Equal(HandshakeRefusalReason.ReplayedNonce, client.RefusalReason);
    }

    [Fact]
    public void Another_protocol_version_is_refused_naming_both_versions()
    {
        var client = new HandshakeInitiator(Options(version: 2), "client-1");
        HandshakeAcceptor silo = Silo(Options());

        Run(client, silo);

        Assert.Equal(HandshakeRefusalReason.ProtocolVersionMismatch, client.RefusalReason);
        Assert.Contains("version 2", client.RefusalMessage, StringComparison.Ordinal);
        Assert.Equal(HandshakeRefusalReason.ProtocolVersionMismatch, Assert.Throws<HandshakeRefusedException>(client.EnsureAccepted).Reason);
    }

    [Fact]
    public void Another_cluster_id_is_refused_naming_both_clusters()
    {
        var client = new HandshakeInitiator(Options(Secret, clusterId: "staging"), "client-1");
        HandshakeAcceptor silo = Silo(Options(Secret));

        Run(client, silo);

        Assert.Equal(HandshakeRefusalReason.ClusterIdMismatch, client.RefusalReason);
        Assert.Contains("'staging'", client.RefusalMessage, StringComparison.Ordinal);
        Assert.Contains("'prod'", client.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_out_of_order_is_a_protocol_violation()
    {
        HandshakeAcceptor silo = Silo(Options(Secret));
        var proof = new ArrayBufferWriter<byte>();
        HandshakeMessages.WriteProof(proof, new byte[WireProtocol.ProofLength]);

        Assert.Throws<WireProtocolException>(() => Deliver(silo, proof.WrittenSpan.ToArray()));
    }

    [Fact]
    public void A_message_after_the_handshake_ended_is_a_protocol_violation()
    {
        var client = new HandshakeInitiator(Options(), "client-1");
        HandshakeAcceptor silo = Silo(Options());
        byte[] hello = Send(client.Start);
        Deliver(silo, hello);

        Assert.Throws<WireProtocolException>(() => Deliver(silo, hello));
    }

    [Fact]
    public void A_hello_truncated_at_any_offset_is_a_protocol_violation()
    {
        byte[] hello = Send(new HandshakeInitiator(Options(Secret), "client-1").Start);
        for (int length = 0; length < hello.Length; length++)
        {
            HandshakeAcceptor silo = Silo(Options(Secret));
            byte[] truncated = hello[..length];

            Assert.Throws<WireProtocolException>(() => Deliver(silo, truncated));
        }
    }

    [Fact]
    public void Random_handshake_bodies_never_fail_with_anything_but_a_protocol_error()
    {
        var random = new Random(4242);
        int violations = 0;
        for (int round = 0; round < 2000; round++)
        {
            byte[] body = new byte[random.Next(0, 120)];
            random.NextBytes(body);
            if (body.Length > 0)
            {
                body[0] = (byte)random.Next(0, 16);
            }

            try
            {
                Deliver(Silo(Options(round % 2 == 0 ? Secret : null)), body);
            }
            catch (WireProtocolException)
            {
                violations++;
            }
        }

        Assert.True(violations > 1000, $"only {violations} violations");
    }
}
