namespace Orleans.Caching.Runtime;

/// <summary>Why a handshake was refused.</summary>
public enum HandshakeRefusalReason : byte
{
    /// <summary>The two sides speak different protocol versions.</summary>
    ProtocolVersionMismatch = 1,

    /// <summary>The two sides belong to different clusters.</summary>
    ClusterIdMismatch = 2,

    /// <summary>The silo requires a cluster secret and the client has none.</summary>
    SecretRequired = 3,

    /// <summary>The client has a cluster secret and the silo has none (so the silo cannot prove itself).</summary>
    SecretNotConfigured = 4,

    /// <summary>The other side's proof does not match: it does not know the same secret.</summary>
    AuthenticationFailed = 5,

    /// <summary>The client reused a nonce seen before: a replayed handshake.</summary>
    ReplayedNonce = 6,
}
