using System.Net;

namespace Orleans.Caching.Runtime;

/// <summary>Opens connections to silos: TCP (optionally TLS), then the handshake as initiator.</summary>
public interface IFrameConnector
{
    /// <summary>Connects to a silo and completes the handshake.</summary>
    /// <param name="endpoint">The silo's endpoint.</param>
    /// <param name="handler">Receives the frames the connection does not handle itself.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="HandshakeRefusedException">The silo refused the handshake (wrong cluster id, secret or protocol version).</exception>
    /// <exception cref="ConnectionClosedException">The silo could not be reached, or the connection failed during the handshake or its deadline.</exception>
    Task<FrameConnection> ConnectAsync(EndPoint endpoint, IFrameHandler handler, CancellationToken cancellationToken);
}
