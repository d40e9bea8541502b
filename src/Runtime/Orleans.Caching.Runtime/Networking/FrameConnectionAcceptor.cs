using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The accepting side of cluster connections (a silo's listener): runs the acceptor handshake on a fresh transport under the
/// <see cref="ClusterOptions.ConnectTimeout"/> deadline, with <see cref="WireProtocol.MaxHandshakeBodyLength"/> as the frame limit,
/// and on success returns the open <see cref="FrameConnection"/>.
/// </summary>
public sealed class FrameConnectionAcceptor
{
    private readonly ClusterOptions _options;
    private readonly HandshakeOptions _handshakeOptions;
    private readonly Func<string> _identity;
    private readonly HandshakeReplayCache _replayCache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="FrameConnectionAcceptor"/> class.</summary>
    /// <param name="options">The cluster id, secret, limits and timeouts.</param>
    /// <param name="identity">This silo's identity (its silo address text), told to every peer.</param>
    /// <param name="replayCache">The silo-wide cache of handshake nonces seen.</param>
    /// <param name="timeProvider">The clock (handshake deadline, stalled output).</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public FrameConnectionAcceptor(ClusterOptions options, string identity, HandshakeReplayCache replayCache, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(options, () => identity, replayCache, timeProvider, loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(identity);
    }

    /// <summary>Initializes a new instance of the <see cref="FrameConnectionAcceptor"/> class.</summary>
    /// <param name="options">The cluster id, secret, limits and timeouts.</param>
    /// <param name="identity">Gives this silo's identity when a connection arrives (the silo address is known only once listening).</param>
    /// <param name="replayCache">The silo-wide cache of handshake nonces seen.</param>
    /// <param name="timeProvider">The clock (handshake deadline, stalled output).</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public FrameConnectionAcceptor(ClusterOptions options, Func<string> identity, HandshakeReplayCache replayCache, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(replayCache);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _handshakeOptions = new HandshakeOptions { ClusterId = options.ClusterId, Secret = options.Secret };
        _identity = identity;
        _replayCache = replayCache;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<FrameConnectionAcceptor>();
    }

    /// <summary>Runs the handshake on an accepted transport (such as a Kestrel <c>ConnectionContext.Transport</c>).</summary>
    /// <param name="transport">The transport's pipes; owned by the caller, which closes it when this returns <see langword="null"/> or the connection closes.</param>
    /// <param name="remoteEndPoint">The peer's endpoint, for logs.</param>
    /// <param name="handler">Receives the connection's inbound frames.</param>
    /// <param name="cancellationToken">Cancels the handshake (such as the transport closing).</param>
    /// <returns>The open connection; <see langword="null"/> if the handshake was refused (after sending the refusal), malformed or timed out.</returns>
    public Task<FrameConnection?> AcceptAsync(IDuplexPipe transport, EndPoint? remoteEndPoint, IFrameHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        return AcceptCoreAsync(transport, null, remoteEndPoint, handler, cancellationToken);
    }

    /// <summary>Runs the handshake over a stream (such as a server-side <see cref="System.Net.Security.SslStream"/>); the connection owns the stream.</summary>
    /// <param name="stream">The stream; disposed when the connection closes, or before this returns <see langword="null"/>.</param>
    /// <param name="remoteEndPoint">The peer's endpoint, for logs.</param>
    /// <param name="handler">Receives the connection's inbound frames.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The open connection; <see langword="null"/> if the handshake was refused, malformed or timed out.</returns>
    public async Task<FrameConnection?> AcceptAsync(Stream stream, EndPoint? remoteEndPoint, IFrameHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        var transport = new StreamTransport(stream, null, _options.MaxPendingSendBytes);
        FrameConnection? connection = await AcceptCoreAsync(transport, transport, remoteEndPoint, handler, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            // Let a refusal reach the peer before closing.
            await transport.Output.CompleteAsync().ConfigureAwait(false);
            await transport.CloseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        return connection;
    }

    private async Task<FrameConnection?> AcceptCoreAsync(IDuplexPipe transport, ITransportControl? control, EndPoint? remoteEndPoint, IFrameHandler handler, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var acceptor = new HandshakeAcceptor(_handshakeOptions, _identity(), _replayCache);
        var exchange = new HandshakeExchange(transport);
        try
        {
            while (true)
            {
                var body = await exchange.ReceiveAsync(FrameKind.Handshake, linked.Token).ConfigureAwait(false);
                HandshakeStatus status = acceptor.Receive(body, exchange.Outgoing);
                await exchange.SendAsync(FrameKind.HandshakeResponse, linked.Token).ConfigureAwait(false);
                if (status == HandshakeStatus.Accepted)
                {
                    break;
                }

                if (status == HandshakeStatus.Refused)
                {
                    Log.HandshakeRefused(_logger, acceptor.PeerIdentity, remoteEndPoint, acceptor.RefusalReason);
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.HandshakeFailed(_logger, remoteEndPoint, $"no handshake within {_options.ConnectTimeout.TotalSeconds:0.###} s (Caching:Cluster:ConnectTimeout).");
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex) when (ex is WireProtocolException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Log.HandshakeFailed(_logger, remoteEndPoint, ex.Message);
            return null;
        }

        string peer = acceptor.PeerIdentity!;
        var connection = new PipeFrameConnection(transport, control, handler, peer, remoteEndPoint, _options, _timeProvider, _logger);
        connection.Start();
        Log.ConnectionAccepted(_logger, peer, remoteEndPoint);
        return connection;
    }
}
