namespace Orleans.Caching.Runtime;

/// <summary>What each side of a connection checks at the handshake.</summary>
public sealed class HandshakeOptions
{
    /// <summary>Gets or sets the cluster id; both sides must name the same one (<c>Caching:Cluster:ClusterId</c>).</summary>
    /// <value>No default; required.</value>
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the shared secret (<c>Caching:Cluster:Secret</c>). When set, each side proves it knows it with
    /// HMAC-SHA256 over both sides' random nonces; the secret itself never crosses the wire and is never logged.
    /// </summary>
    /// <value><see langword="null"/>: no proof (trusted networks only).</value>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the protocol version this side speaks.</summary>
    /// <value><see cref="WireProtocol.Version"/>.</value>
    public ushort ProtocolVersion { get; set; } = WireProtocol.Version;
}
