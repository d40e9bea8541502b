namespace Orleans.Caching.Runtime;

/// <summary>The first byte of a handshake body. Initiator → acceptor: Hello, Proof. Acceptor → initiator: Challenge, Accepted, Refused.</summary>
internal enum HandshakeMessageType : byte
{
    Hello = 1,
    Proof = 2,
    Challenge = 11,
    Accepted = 12,
    Refused = 13,
}
