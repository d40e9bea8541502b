using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Networking;

public sealed class TlsTransportTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();
    private readonly string _pfxPath;
    private readonly string _certPemPath;
    private readonly string _keyPemPath;

    public TlsTransportTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _pfxPath = Path.Combine(_directory.Path, "silo.pfx");
        File.WriteAllBytes(_pfxPath, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        _certPemPath = Path.Combine(_directory.Path, "silo.crt");
        File.WriteAllText(_certPemPath, certificate.ExportCertificatePem());
        _keyPemPath = Path.Combine(_directory.Path, "silo.key");
        File.WriteAllText(_keyPemPath, key.ExportPkcs8PrivateKeyPem());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_trusting_the_CA_file_talks_to_a_silo_with_a_self_signed_certificate(bool pkcs12)
    {
        ClusterOptions silo = Options(tls => (tls.CertificatePath, tls.KeyPath, tls.CertificatePassword) = pkcs12 ? (_pfxPath, (string?)null, (string?)"pfx-password") : (_certPemPath, _keyPemPath, null));
        await using var listener = await SiloListener.StartAsync(silo, new EchoFrameHandler { ReverseBatch = 10 });
        ClusterOptions client = Options(tls => (tls.CaCertificatePath, tls.TargetHost) = (_certPemPath, "localhost"));
        await using FrameConnection connection = await KestrelTransportTests.Connector(client).ConnectAsync(listener.EndPoint, new EchoFrameHandler(), CancellationToken.None);

        var calls = Enumerable.Range(0, 100).Select(_ => new TestCall()).ToArray();
        for (int i = 0; i < calls.Length; i++)
        {
            connection.SendCall(calls[i], FrameKind.Request, 0, 0, FrameFlags.None, i, static (w, n) => w.Write(new byte[n * 100]));
        }

        var results = await Task.WhenAll(calls.Select(c => c.Result)).WaitAsync(s_wait);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 100), results.Select(r => r.Body.Length));
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_refuses_the_silo()
    {
        await using var listener = await SiloListener.StartAsync(Options(tls => (tls.CertificatePath, tls.CertificatePassword) = (_pfxPath, "pfx-password")), new EchoFrameHandler());
        var logs = new ListLoggerProvider();
        var connector = new SocketFrameConnector(Options(tls => tls.TargetHost = "localhost"), "client/test/1", TimeProvider.System, logs);

        var failure = await Assert.ThrowsAsync<ConnectionClosedException>(() => connector.ConnectAsync(listener.EndPoint, new EchoFrameHandler(), CancellationToken.None));

        Assert.Contains(listener.EndPoint.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Logger.Entries, e => e.EventId.Id == 6013);
    }

    [Fact]
    public async Task A_client_allowing_untrusted_certificates_connects_and_logs_a_warning()
    {
        await using var listener = await SiloListener.StartAsync(Options(tls => (tls.CertificatePath, tls.CertificatePassword) = (_pfxPath, "pfx-password")), new EchoFrameHandler());
        var logs = new ListLoggerProvider();
        var connector = new SocketFrameConnector(Options(tls => tls.AllowUntrustedCertificates = true), "client/test/1", TimeProvider.System, logs);

        await using FrameConnection connection = await connector.ConnectAsync(listener.EndPoint, new EchoFrameHandler(), CancellationToken.None);
        var ping = new TestCall();
        connection.SendCall(ping, FrameKind.Ping, 0, 0, FrameFlags.None, 0, null);

        Assert.Equal(FrameKind.Pong, (await ping.Result.WaitAsync(s_wait)).Header.Kind);
        Assert.Contains(logs.Logger.Entries, e => e.EventId.Id == 6008);
    }

    public void Dispose() => _directory.Dispose();

    private static ClusterOptions Options(Action<ClusterTlsOptions> configure)
    {
        var options = new ClusterOptions { Secret = "tls-and-secret", Tls = { Enabled = true } };
        configure(options.Tls);
        return options;
    }
}
