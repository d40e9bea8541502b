using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>Writes the handshake bodies (first byte <see cref="HandshakeMessageType"/>).</summary>
internal static class HandshakeMessages
{
    /// <summary>Hello: version (2), cluster id, initiator identity, nonce (32), has-secret (1). The version comes first so any future version can be refused.</summary>
    public static void WriteHello(IBufferWriter<byte> output, ushort version, string clusterId, string identity, ReadOnlySpan<byte> nonce, bool hasSecret)
    {
        WireWriter.WriteByte(output, (byte)HandshakeMessageType.Hello);
        WireWriter.WriteUInt16(output, version);
        WireWriter.WriteString(output, clusterId);
        WireWriter.WriteString(output, identity);
        output.Write(nonce);
        WireWriter.WriteBoolean(output, hasSecret);
    }

    /// <summary>Proof: the initiator's HMAC (32).</summary>
    public static void WriteProof(IBufferWriter<byte> output, ReadOnlySpan<byte> proof)
    {
        WireWriter.WriteByte(output, (byte)HandshakeMessageType.Proof);
        output.Write(proof);
    }

    /// <summary>Challenge: acceptor identity, acceptor nonce (32), acceptor HMAC (32).</summary>
    public static void WriteChallenge(IBufferWriter<byte> output, string identity, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> proof)
    {
        WireWriter.WriteByte(output, (byte)HandshakeMessageType.Challenge);
        WireWriter.WriteString(output, identity);
        output.Write(nonce);
        output.Write(proof);
    }

    /// <summary>Accepted: acceptor identity.</summary>
    public static void WriteAccepted(IBufferWriter<byte> output, string identity)
    {
        WireWriter.WriteByte(output, (byte)HandshakeMessageType.Accepted);
        WireWriter.WriteString(output, identity);
    }

    /// <summary>Refused: reason (1), message.</summary>
    public static void WriteRefused(IBufferWriter<byte> output, HandshakeRefusalReason reason, string message)
    {
        WireWriter.WriteByte(output, (byte)HandshakeMessageType.Refused);
        WireWriter.WriteByte(output, (byte)reason);
        WireWriter.WriteString(output, message);
    }
}
