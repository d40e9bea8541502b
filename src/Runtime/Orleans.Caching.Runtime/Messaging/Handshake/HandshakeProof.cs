using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The HMAC-SHA256 proofs of the handshake. Each side signs a label naming its role, the protocol version, the cluster id,
/// both identities and both nonces; the role label stops one side's proof from being reflected back as the other's.
/// </summary>
internal static class HandshakeProof
{
    public const string InitiatorLabel = "orleans-caching/handshake/initiator";
    public const string AcceptorLabel = "orleans-caching/handshake/acceptor";

    public static byte[] Compute(string secret, string label, ushort version, string clusterId, string initiator, string acceptor, ReadOnlySpan<byte> initiatorNonce, ReadOnlySpan<byte> acceptorNonce)
    {
        var input = new ArrayBufferWriter<byte>(256);
        WireWriter.WriteString(input, label);
        WireWriter.WriteUInt16(input, version);
        WireWriter.WriteString(input, clusterId);
        WireWriter.WriteString(input, initiator);
        WireWriter.WriteString(input, acceptor);
        WireWriter.WriteBytes(input, initiatorNonce);
        WireWriter.WriteBytes(input, acceptorNonce);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), input.WrittenSpan);
    }

    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) => CryptographicOperations.FixedTimeEquals(expected, actual);
}
