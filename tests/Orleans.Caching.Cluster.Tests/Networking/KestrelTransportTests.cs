using System.Buffers;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Networking;

public sealed class KestrelTransportTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_thousand_concurrent_requests_on_one_connection_answered_out_of_order_are_all_matched()
    {
        var options = new ClusterOptions { ClusterId = "pipelined", Secret = "s3cret-value" };
        await using var silo = await SiloListener.StartAsync(options, new EchoFrameHandler { ReverseBatch = 100 });
        await using FrameConnection connection = await Connector(options).ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None);

        var calls = Enumerable.Range(0, 1000).Select(_ => new TestCall()).ToArray();
        Parallel.For(0, calls.Length, i => connection.SendCall(calls[i], FrameKind.Request, 0, 0, FrameFlags.None, i, static (w, n) => w.Write(BitConverter.GetBytes(n))));
        var results = await Task.WhenAll(calls.Select(c => c.Result)).WaitAsync(s_wait);

        Assert.Equal(Enumerable.Range(0, 1000), results.Select(r => BitConverter.ToInt32(r.Body)));
        Assert.Equal("127.0.0.1:1@1", connection.PeerIdentity);
    }

    [Fact]
    public async Task A_ping_over_tcp_is_answered_with_a_pong_and_a_DNS_name_is_resolved()
    {
        var options = new ClusterOptions();
        await using var silo = await SiloListener.StartAsync(options, new EchoFrameHandler());
        await using FrameConnection connection = await Connector(options).ConnectAsync(new DnsEndPoint("localhost", silo.EndPoint.Port), new EchoFrameHandler(), CancellationToken.None);
        var ping = new TestCall();

        long id = connection.SendCall(ping, FrameKind.Ping, 0, 0, FrameFlags.None, 0, null);
        var (header, _) = await ping.Result.WaitAsync(s_wait);

        Assert.Equal((FrameKind.Pong, id), (header.Kind, header.CorrelationId));
    }

    [Theory]
    [InlineData("c1", "right-secret", "c1", "wrong-secret", WireProtocol.Version, HandshakeRefusalReason.AuthenticationFailed)]
    [InlineData("c1", "right-secret", "c2", "right-secret", WireProtocol.Version, HandshakeRefusalReason.ClusterIdMismatch)]
    [InlineData("c1", "right-secret", "c1", "right-secret", (ushort)99, HandshakeRefusalReason.ProtocolVersionMismatch)]
    [InlineData("c1", "right-secret", "c1", null, WireProtocol.Version, HandshakeRefusalReason.SecretRequired)]
    public async Task A_mismatched_client_is_refused_with_the_reason_and_no_secret_in_any_message(string siloCluster, string siloSecret, string clientCluster, string? clientSecret, ushort version, HandshakeRefusalReason expected)
    {
        var siloOptions = new ClusterOptions { ClusterId = siloCluster, Secret = siloSecret };
        await using var silo = await SiloListener.StartAsync(siloOptions, new EchoFrameHandler());
        var clientLogs = new ListLoggerProvider();
        var connector = new SocketFrameConnector(new ClusterOptions { ClusterId = clientCluster, Secret = clientSecret }, "client/test/1", TimeProvider.System, clientLogs) { ProtocolVersion = version };

        var refused = await Assert.ThrowsAsync<HandshakeRefusedException>(() => connector.ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None));

        Assert.Equal(expected, refused.Reason);
        string everything = refused.Message + string.Join("\n", silo.Logs.Logger.Entries.Select(e => e.Message + e.Exception)) + string.Join("\n", clientLogs.Logger.Entries.Select(e => e.Message + e.Exception));
        Assert.DoesNotContain("right-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_silo_fails_with_ConnectionClosedException_naming_the_endpoint()
    {
        var options = new ClusterOptions { Secret = "never-shown", ConnectTimeout = TimeSpan.FromSeconds(2) };
        await using var silo = await SiloListener.StartAsync(options, new EchoFrameHandler());
        var endPoint = new IPEndPoint(IPAddress.Loopback, silo.EndPoint.Port);
        await silo.DisposeAsync();

        var failure = await Assert.ThrowsAsync<ConnectionClosedException>(() => Connector(options).ConnectAsync(endPoint, new EchoFrameHandler(), CancellationToken.None));

        Assert.Contains(endPoint.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_calls_fail_with_ConnectionClosedException_when_the_silo_goes_away()
    {
        var options = new ClusterOptions();
        var silo = await SiloListener.StartAsync(options, new EchoFrameHandler { Silent = true });
        var clientHandler = new EchoFrameHandler();
        await using FrameConnection connection = await Connector(options).ConnectAsync(silo.EndPoint, clientHandler, CancellationToken.None);
        var calls = Enumerable.Range(0, 20).Select(_ => new TestCall()).ToArray();
        foreach (TestCall call in calls)
        {
            connection.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));
        }

        await silo.DisposeAsync();

        foreach (TestCall call in calls)
        {
            await Assert.ThrowsAsync<ConnectionClosedException>(() => call.Result.WaitAsync(s_wait));
        }

        await connection.Closed.WaitAsync(s_wait);
        Assert.Single(clientHandler.CloseReasons);
    }

    [Fact]
    public async Task Disposing_a_connection_sends_what_is_queued_and_the_silo_sees_an_orderly_close()
    {
        var options = new ClusterOptions();
        var siloHandler = new EchoFrameHandler();
        await using var silo = await SiloListener.StartAsync(options, siloHandler);
        FrameConnection connection = await Connector(options).ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None);
        var call = new TestCall();
        connection.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));
        await call.Result.WaitAsync(s_wait);

        await connection.DisposeAsync();

        Assert.Null(await siloHandler.FirstClose.WaitAsync(s_wait));
        Assert.False(connection.IsOpen);
    }

    internal static SocketFrameConnector Connector(ClusterOptions options) => new(options, "client/test/1", TimeProvider.System, NullLoggerFactory.Instance);
}
