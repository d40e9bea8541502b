using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Serves the cluster protocol on a Kestrel endpoint (<c>listenOptions.UseOrleansCachingSilo()</c>): optional server-side TLS with
/// the certificate of <see cref="ClusterTlsOptions"/>, the acceptor handshake, then the open connection until it closes. Inbound
/// frames go to the <see cref="IFrameHandler"/> registered in DI.
/// </summary>
public sealed class SiloConnectionHandler : ConnectionHandler
{
    private readonly FrameConnectionAcceptor _acceptor;
    private readonly IFrameHandler _handler;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lazy<X509Certificate2>? _certificate;

    /// <summary>Initializes a new instance of the <see cref="SiloConnectionHandler"/> class.</summary>
    /// <param name="acceptor">Runs the handshake.</param>
    /// <param name="handler">Receives every connection's inbound frames.</param>
    /// <param name="options">The cluster options (TLS, connect timeout).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SiloConnectionHandler(FrameConnectionAcceptor acceptor, IFrameHandler handler, IOptions<ClusterOptions> options, TimeProvider timeProvider, ILogger<SiloConnectionHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(acceptor);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _acceptor = acceptor;
        _handler = handler;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        if (_options.Tls.Enabled)
        {
            ClusterTlsOptions tls = _options.Tls;
            _certificate = new Lazy<X509Certificate2>(() => SiloCertificateLoader.Load(tls));
        }
    }

    /// <inheritdoc/>
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            FrameConnection? open = _certificate is null
                ? await _acceptor.AcceptAsync(connection.Transport, connection.RemoteEndPoint, _handler, connection.ConnectionClosed).ConfigureAwait(false)
                : await AcceptTlsAsync(connection).ConfigureAwait(false);
            if (open is not null)
            {
                await open.Closed.ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.ClusterConnectionFailed(_logger, ex, connection.RemoteEndPoint);
        }
    }

    private async Task<FrameConnection?> AcceptTlsAsync(ConnectionContext connection)
    {
        var ssl = new SslStream(new DuplexPipeStream(connection.Transport), leaveInnerStreamOpen: false);
        try
        {
            using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, deadline.Token);
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = _certificate!.Value, ClientCertificateRequired = false },
                linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
        {
            Log.TlsAuthenticationFailed(_logger, connection.RemoteEndPoint, ex.Message);
            await ssl.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return await _acceptor.AcceptAsync(ssl, connection.RemoteEndPoint, _handler, connection.ConnectionClosed).ConfigureAwait(false);
    }
}
