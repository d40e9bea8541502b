using System.Buffers;
using System.IO.Pipelines;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Networking;

public sealed class PipeFrameConnectionTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_thousand_pipelined_calls_answered_in_reverse_order_each_reach_their_own_caller()
    {
        var echo = new EchoFrameHandler { ReverseBatch = 1000 };
        await using var pair = new InMemoryConnection(new EchoFrameHandler(), echo);
        var calls = new TestCall[1000];
        var ids = new HashSet<long>();
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = new TestCall();
            Assert.True(ids.Add(pair.A.SendCall(calls[i], FrameKind.Request, 0, 0, FrameFlags.None, i, static (w, n) => w.Write(BitConverter.GetBytes(n)))));
        }

        var results = await Task.WhenAll(calls.Select(c => c.Result)).WaitAsync(s_wait);

        Assert.Equal(Enumerable.Range(0, 1000), results.Select(r => BitConverter.ToInt32(r.Body)));
        Assert.Equal(1, ids.Min());
        Assert.All(calls, c => Assert.Equal(1, c.Callbacks));
        Assert.Equal(0, pair.A.PendingCallCount);
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong_by_the_connection_without_the_handler()
    {
        var handler = new EchoFrameHandler { ThrowOnRequest = new InvalidOperationException("the handler must not see pings") };
        await using var pair = new InMemoryConnection(new EchoFrameHandler(), handler);
        var ping = new TestCall();

        long id = pair.A.SendCall(ping, FrameKind.Ping, 0, 0, FrameFlags.None, 0, null);
        var (header, body) = await ping.Result.WaitAsync(s_wait);

        Assert.Equal(FrameKind.Pong, header.Kind);
        Assert.Equal(id, header.CorrelationId);
        Assert.Empty(body);
        Assert.True(pair.B.IsOpen);
    }

    [Fact]
    public async Task A_snapshot_request_reaches_the_peer_handler_and_its_reply_the_waiting_call_while_gossip_reaches_the_handler()
    {
        var handlerA = new EchoFrameHandler();
        await using var pair = new InMemoryConnection(handlerA, new EchoFrameHandler());
        var request = new TestCall();

        long id = pair.A.SendCall(request, FrameKind.MembershipUpdate, 3, 0, FrameFlags.None, 0, null);
        var (header, body) = await request.Result.WaitAsync(s_wait);
        pair.B.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, 0, 9, 0), 0, static (w, _) => w.Write<byte>([9]));
        var ping = new TestCall();
        pair.A.SendCall(ping, FrameKind.Ping, 0, 0, FrameFlags.None, 0, null);
        await ping.Result.WaitAsync(s_wait);
        await WaitUntilAsync(() => !handlerA.Unsolicited.IsEmpty);

        Assert.Equal((FrameKind.MembershipUpdate, id, 7L), (header.Kind, header.CorrelationId, header.MembershipVersion));
        Assert.Equal(new byte[] { 1, 2, 3 }, body);
        Assert.True(handlerA.Unsolicited.TryPeek(out Frame gossip));
        Assert.Equal(9, gossip.Header.MembershipVersion);
    }

    [Fact]
    public async Task A_canceled_call_gets_no_callback_and_its_late_reply_is_dropped_and_counted()
    {
        var echo = new EchoFrameHandler { ReverseBatch = 2 };
        await using var pair = new InMemoryConnection(new EchoFrameHandler(), echo);
        var canceled = new TestCall();
        var kept = new TestCall();

        long id = pair.A.SendCall(canceled, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));
        Assert.True(pair.A.TryCancelCall(id));
        pair.A.SendCall(kept, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([2]));
        await kept.Result.WaitAsync(s_wait);
        await WaitUntilAsync(() => pair.A.DroppedReplies == 1);

        Assert.False(pair.A.TryCancelCall(id));
        Assert.Equal(0, canceled.Callbacks);
        Assert.True(pair.A.IsOpen);
    }

    [Fact]
    public async Task A_body_over_the_limit_throws_ArgumentException_sends_nothing_and_the_connection_stays_open()
    {
        var options = new ClusterOptions { MaxFrameBodyLength = 1024 };
        var echo = new EchoFrameHandler();
        await using var pair = new InMemoryConnection(new EchoFrameHandler(), echo, options);
        var tooBig = new TestCall();

        Assert.Throws<ArgumentException>(() => pair.A.SendCall(tooBig, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write(new byte[1025])));
        var fits = new TestCall();
        pair.A.SendCall(fits, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write(new byte[1024]));
        var (_, body) = await fits.Result.WaitAsync(s_wait);

        Assert.Equal(1024, body.Length);
        Assert.Equal(0, tooBig.Callbacks);
        Assert.Equal(0, pair.A.PendingCallCount);
        Assert.True(pair.A.IsOpen && pair.B.IsOpen);
    }

    [Fact]
    public async Task Pending_calls_fail_once_with_ConnectionClosedException_when_the_peer_goes_away_and_the_handler_hears_once()
    {
        var handlerA = new EchoFrameHandler();
        await using var pair = new InMemoryConnection(handlerA, new EchoFrameHandler { Silent = true });
        var calls = Enumerable.Range(0, 50).Select(_ => new TestCall()).ToArray();
        foreach (TestCall call in calls)
        {
            pair.A.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));
        }

        pair.B.Abort(new InvalidOperationException("the peer went away"));
        foreach (TestCall call in calls)
        {
            await Assert.ThrowsAsync<ConnectionClosedException>(() => call.Result.WaitAsync(s_wait));
        }

        await pair.A.Closed.WaitAsync(s_wait);
        var late = new TestCall();
        pair.A.SendCall(late, FrameKind.Request, 0, 0, FrameFlags.None, 0, null);

        await Assert.ThrowsAsync<ConnectionClosedException>(() => late.Result.WaitAsync(s_wait));
        Assert.All(calls, c => Assert.Equal(1, c.Callbacks));
        Assert.Single(handlerA.CloseReasons);
        Assert.False(pair.A.SendFrame(new FrameHeader(FrameKind.Response, 1, 0, 0), 0, null));
    }

    [Fact]
    public async Task A_handshake_frame_after_the_handshake_closes_only_that_connection()
    {
        var handler = new EchoFrameHandler();
        await using var broken = new InMemoryConnection(new EchoFrameHandler(), handler);
        await using var healthy = new InMemoryConnection(new EchoFrameHandler(), new EchoFrameHandler());

        await broken.Pipes.A.Output.WriteAsync(RawClient.Frame(FrameKind.Handshake, 0, [1]));
        Exception? reason = await handler.FirstClose.WaitAsync(s_wait);
        var call = new TestCall();
        healthy.A.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([5]));

        Assert.IsType<WireProtocolException>(reason);
        Assert.Equal(new byte[] { 5 }, (await call.Result.WaitAsync(s_wait)).Body);
    }

    [Fact]
    public async Task A_handler_that_throws_closes_its_connection_and_fails_its_pending_calls()
    {
        var handlerB = new EchoFrameHandler { ThrowOnRequest = new InvalidOperationException("bug in the handler") };
        await using var pair = new InMemoryConnection(new EchoFrameHandler(), handlerB);
        var call = new TestCall();

        pair.A.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write<byte>([1]));

        Assert.Equal("bug in the handler", (await handlerB.FirstClose.WaitAsync(s_wait))?.Message);
        await Assert.ThrowsAsync<ConnectionClosedException>(() => call.Result.WaitAsync(s_wait));
    }

    [Fact]
    public async Task A_peer_that_does_not_read_is_disconnected_once_pending_bytes_pass_the_limit()
    {
        var options = new ClusterOptions { MaxPendingSendBytes = 256 * 1024 };
        var handlerA = new EchoFrameHandler();
        var pipes = new PipeOptions(pauseWriterThreshold: 64 * 1024, resumeWriterThreshold: 32 * 1024, useSynchronizationContext: false);
        await using var pair = new InMemoryConnection(handlerA, new EchoFrameHandler(), options, pipeOptions: pipes, startB: false);

        int sent = 0;
        while (pair.A.IsOpen && sent < 100)
        {
            pair.A.SendCall(new TestCall(), FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write(new byte[32 * 1024]));
            sent++;
        }

        Exception? reason = await handlerA.FirstClose.WaitAsync(s_wait);
        Assert.IsType<ConnectionClosedException>(reason);
        Assert.Contains("MaxPendingSendBytes", reason!.Message, StringComparison.Ordinal);
        Assert.InRange(sent, 8, 12);
    }

    [Fact]
    public async Task A_flush_that_makes_no_progress_within_the_response_timeout_aborts_the_connection()
    {
        var clock = new SignalingTimeProvider(new FakeTimeProvider());
        var options = new ClusterOptions { ResponseTimeout = TimeSpan.FromSeconds(3) };
        var handlerA = new EchoFrameHandler();
        var pipes = new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512, useSynchronizationContext: false);
        await using var pair = new InMemoryConnection(handlerA, new EchoFrameHandler(), options, clock, pipes, startB: false);
        var call = new TestCall();

        pair.A.SendCall(call, FrameKind.Request, 0, 0, FrameFlags.None, 0, static (w, _) => w.Write(new byte[4096]));
        await clock.TimerCreated.WaitAsync(s_wait);
        Assert.True(pair.A.IsOpen);
        clock.Inner.Advance(TimeSpan.FromSeconds(3));

        Exception? reason = await handlerA.FirstClose.WaitAsync(s_wait);
        Assert.Contains("no progress", reason!.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConnectionClosedException>(() => call.Result.WaitAsync(s_wait));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        while (!condition())
        {
            // Polls a counter that has no signal of its own.
            await Task.Delay(5, timeout.Token);
        }
    }
}
