using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Networking;

public sealed class ProtocolViolationTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Violations => ["garbage", "request-before-handshake", "oversized-length", "truncated-then-close", "oversized-handshake"];

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_violation_closes_that_connection_while_a_good_client_on_the_listener_keeps_getting_answers(string violation)
    {
        var options = new ClusterOptions { ClusterId = "violations", Secret = "s" };
        var siloHandler = new EchoFrameHandler();
        await using var silo = await SiloListener.StartAsync(options, siloHandler);
        await using FrameConnection good = await KestrelTransportTests.Connector(options).ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None);
        await using RawClient bad = await RawClient.ConnectAsync(silo.EndPoint);

        await bad.SendViolationAsync(violation, options);

        Assert.True(await bad.WaitForServerCloseAsync(s_wait));
        if (violation is "oversized-length")
        {
            Assert.IsType<WireProtocolException>(await siloHandler.FirstClose.WaitAsync(s_wait));
        }
        else if (violation is "truncated-then-close")
        {
            // The read loop sees the end of input mid-frame (a protocol violation), unless Kestrel reports the closed socket first.
            Exception? reason = await siloHandler.FirstClose.WaitAsync(s_wait);
            Assert.True(reason is WireProtocolException or ConnectionClosedException, $"closed for {reason?.GetType().Name ?? "no reason"}");
        }

        var call = new TestCall();
        good.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([42]));
        Assert.Equal(new byte[] { 42 }, (await call.Result.WaitAsync(s_wait)).Body);
        Assert.True(good.IsOpen);
    }

    [Fact]
    public async Task A_client_stalled_in_the_middle_of_a_frame_does_not_block_others_and_a_stalled_handshake_is_dropped_at_the_deadline()
    {
        var options = new ClusterOptions { ConnectTimeout = TimeSpan.FromSeconds(1) };
        await using var silo = await SiloListener.StartAsync(options, new EchoFrameHandler());
        await using RawClient stalledAfterHandshake = await RawClient.ConnectAsync(silo.EndPoint);
        await stalledAfterHandshake.HandshakeAsync(options);
        await stalledAfterHandshake.SendAsync(RawClient.Frame(FrameKind.Request, 1, new byte[1000])[..500]);
        await using RawClient stalledInHandshake = await RawClient.ConnectAsync(silo.EndPoint);
        await stalledInHandshake.SendAsync(RawClient.Frame(FrameKind.Handshake, 0, new byte[100])[..50]);
        await using FrameConnection good = await KestrelTransportTests.Connector(options).ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None);

        var calls = Enumerable.Range(0, 100).Select(_ => new TestCall()).ToArray();
        foreach (TestCall call in calls)
        {
            good.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([7]));
        }

        await Task.WhenAll(calls.Select(c => c.Result)).WaitAsync(s_wait);
        Assert.True(await stalledInHandshake.WaitForServerCloseAsync(s_wait));
        Assert.Contains(silo.Logs.Logger.Entries, e => e.EventId.Id == 6007 && e.Message.Contains("ConnectTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_never_reads_its_responses_is_disconnected_and_the_listener_keeps_serving_others()
    {
        var options = new ClusterOptions { MaxPendingSendBytes = 256 * 1024 };
        var siloHandler = new EchoFrameHandler();
        await using var silo = await SiloListener.StartAsync(options, siloHandler);
        await using RawClient deaf = await RawClient.ConnectAsync(silo.EndPoint, receiveBufferSize: 4096);
        await deaf.HandshakeAsync(options);

        byte[] command = RawClient.Frame(FrameKind.Request, 1, EchoFrameHandler.SizeCommand(256 * 1024));
        try
        {
            for (int i = 0; i < 400 && !siloHandler.FirstClose.IsCompleted; i++)
            {
                await deaf.SendAsync(command);
            }
        }
        catch (IOException)
        {
            // The silo dropped the connection while requests were still going out.
        }

        Exception? reason = await siloHandler.FirstClose.WaitAsync(s_wait);
        Assert.IsType<ConnectionClosedException>(reason);
        Assert.Contains("MaxPendingSendBytes", reason!.Message, StringComparison.Ordinal);
        Assert.Contains(silo.Logs.Logger.Entries, e => e.EventId.Id == 6005);

        await using FrameConnection good = await KestrelTransportTests.Connector(options).ConnectAsync(silo.EndPoint, new EchoFrameHandler(), CancellationToken.None);
        var call = new TestCall();
        good.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));
        Assert.Single((await call.Result.WaitAsync(s_wait)).Body);
    }
}
