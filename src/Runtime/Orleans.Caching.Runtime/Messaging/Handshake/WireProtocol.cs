namespace Orleans.Caching.Runtime;

/// <summary>Constants of the cluster wire protocol (see <c>docs/adr/0002-cluster-protocol.md</c>).</summary>
public static class WireProtocol
{
    /// <summary>The protocol version this build speaks; peers with another version are refused at the handshake.</summary>
    public const ushort Version = 1;

    /// <summary>The largest handshake body; a connection uses this frame limit until the handshake completes.</summary>
    public const int MaxHandshakeBodyLength = 4096;

    /// <summary>The length of each side's random handshake nonce: 32 bytes.</summary>
    public const int NonceLength = 32;

    /// <summary>The length of a handshake proof (HMAC-SHA256): 32 bytes.</summary>
    public const int ProofLength = 32;
}
