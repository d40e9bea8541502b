using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Opens cluster connections over TCP: connects (DNS names resolved, Nagle off), optionally wraps the stream in TLS
/// (<see cref="ClusterOptions.Tls"/>), then runs the initiator handshake — all within <see cref="ClusterOptions.ConnectTimeout"/>.
/// </summary>
public sealed class SocketFrameConnector : IFrameConnector
{
    private readonly ClusterOptions _options;
    private readonly string _identity;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ClusterCertificateValidator? _validator;

    /// <summary>Initializes a new instance of the <see cref="SocketFrameConnector"/> class.</summary>
    /// <param name="options">The cluster id, secret, TLS, limits and timeouts.</param>
    /// <param name="identity">This side's identity: a silo's address text, or a client's name such as <c>client/host/pid</c>.</param>
    /// <param name="timeProvider">The clock (connect deadline, stalled output).</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public SocketFrameConnector(ClusterOptions options, string identity, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _identity = identity;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<SocketFrameConnector>();
        _validator = options.Tls.Enabled ? new ClusterCertificateValidator(options.Tls, _logger) : null;
    }

    /// <summary>Gets or sets the protocol version announced (tests of version refusal).</summary>
    internal ushort ProtocolVersion { get; set; } = WireProtocol.Version;

    /// <inheritdoc/>
    public async Task<FrameConnection> ConnectAsync(EndPoint endpoint, IFrameHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(handler);
        string described = Describe(endpoint);
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        StreamTransport? transport = null;
        try
        {
            (Socket socket, string host) = await ConnectSocketAsync(endpoint, linked.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            transport = new StreamTransport(_options.Tls.Enabled ? await AuthenticateAsync(stream, host, described, linked.Token).ConfigureAwait(false) : stream, socket, _options.MaxPendingSendBytes);
            string peer = await HandshakeAsync(transport, linked.Token).ConfigureAwait(false);
            var connection = new PipeFrameConnection(transport, transport, handler, peer, socket.RemoteEndPoint ?? endpoint, _options, _timeProvider, _logger);
            connection.Start();
            Log.ConnectionEstablished(_logger, peer, described);
            return connection;
        }
        catch (Exception ex)
        {
            transport?.Abort();
            if (ex is HandshakeRefusedException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            string message = ex is OperationCanceledException
                ? $"Connecting to {described} timed out after {_options.ConnectTimeout.TotalSeconds:0.###} s (Caching:Cluster:ConnectTimeout)."
                : $"Connecting to {described} failed: {ex.Message}";
            Log.ConnectFailed(_logger, described, message);
            throw new ConnectionClosedException(message, ex);
        }
    }

    private static string Describe(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };

    private static async Task<(Socket Socket, string Host)> ConnectSocketAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        Socket socket = endpoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            if (endpoint is DnsEndPoint dns)
            {
                await socket.ConnectAsync(dns.Host, dns.Port, cancellationToken).ConfigureAwait(false);
                return (socket, dns.Host);
            }

            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return (socket, endpoint is IPEndPoint address ? address.Address.ToString() : endpoint.ToString() ?? string.Empty);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<Stream> AuthenticateAsync(Stream stream, string host, string described, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = _options.Tls.TargetHost ?? host,
                    RemoteCertificateValidationCallback = (_, certificate, chain, errors) => _validator!.Validate(described, certificate, chain, errors),
                },
                cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (AuthenticationException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<string> HandshakeAsync(StreamTransport transport, CancellationToken cancellationToken)
    {
        var options = new HandshakeOptions { ClusterId = _options.ClusterId, Secret = _options.Secret, ProtocolVersion = ProtocolVersion };
        var initiator = new HandshakeInitiator(options, _identity);
        var exchange = new HandshakeExchange(transport);
        initiator.Start(exchange.Outgoing);
        await exchange.SendAsync(FrameKind.Handshake, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var body = await exchange.ReceiveAsync(FrameKind.HandshakeResponse, cancellationToken).ConfigureAwait(false);
            HandshakeStatus status = initiator.Receive(body, exchange.Outgoing);
            if (status == HandshakeStatus.Refused)
            {
                initiator.EnsureAccepted();
            }

            await exchange.SendAsync(FrameKind.Handshake, cancellationToken).ConfigureAwait(false);
            if (status == HandshakeStatus.Accepted)
            {
                return initiator.PeerIdentity!;
            }
        }
    }
}
