namespace Orleans.Caching.Runtime;

/// <summary>What a frame carries; byte 0 of the frame header.</summary>
public enum FrameKind : byte
{
    /// <summary>A grain call: grain id, method id, arguments.</summary>
    Request = 1,

    /// <summary>The answer to a <see cref="Request"/> with the same correlation id: a result, a rejection or an application error.</summary>
    Response = 2,

    /// <summary>A liveness probe, answered on the connection without queueing behind grain work.</summary>
    Ping = 3,

    /// <summary>The answer to a <see cref="Ping"/> with the same correlation id.</summary>
    Pong = 4,

    /// <summary>A handshake message from the side that opened the connection (hello, proof).</summary>
    Handshake = 5,

    /// <summary>A handshake message from the side that accepted the connection (challenge, accepted, refused).</summary>
    HandshakeResponse = 6,

    /// <summary>A membership snapshot pushed by a silo (gossip); the header's membership version is the snapshot's.</summary>
    MembershipUpdate = 7,
}
