using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>A bare TCP client that speaks the handshake by hand and then sends whatever bytes a test wants (no read loop).</summary>
public sealed class RawClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint, int receiveBufferSize = 0)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = receiveBufferSize;
        }

        await socket.ConnectAsync(endPoint);
        return new RawClient(socket);
    }

    public static byte[] Frame(FrameKind kind, long correlationId, ReadOnlySpan<byte> body)
    {
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.Write(output, new FrameHeader(kind, correlationId, 0, 0), body);
        return output.WrittenSpan.ToArray();
    }

    public async Task HandshakeAsync(ClusterOptions options, string identity = "raw-client")
    {
        var initiator = new HandshakeInitiator(new HandshakeOptions { ClusterId = options.ClusterId, Secret = options.Secret }, identity);
        var body = new ArrayBufferWriter<byte>();
        initiator.Start(body);
        await SendAsync(Frame(FrameKind.Handshake, 0, body.WrittenSpan));
        while (initiator.Status != HandshakeStatus.Accepted)
        {
            byte[] reply = await ReadFrameAsync();
            body.Clear();
            initiator.Receive(new ReadOnlySequence<byte>(reply.AsMemory(FrameHeader.FrameOverhead)), body);
            initiator.EnsureAcceptedOrInProgress();
            if (body.WrittenCount > 0)
            {
                await SendAsync(Frame(FrameKind.Handshake, 0, body.WrittenSpan));
            }
        }
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Breaks the protocol in one of the ways the violation tests name: <c>garbage</c>, <c>request-before-handshake</c>,
    /// <c>oversized-handshake</c>, <c>oversized-length</c> (after a handshake), or otherwise a truncated frame followed by closing the
    /// sending side (after a handshake).</summary>
    public async Task SendViolationAsync(string violation, ClusterOptions options)
    {
        switch (violation)
        {
            case "garbage":
                await SendAsync(Enumerable.Repeat((byte)0xAB, 64).ToArray());
                break;
            case "request-before-handshake":
                await SendAsync(Frame(FrameKind.Request, 1, [1, 2, 3]));
                break;
            case "oversized-handshake":
                await SendAsync(Frame(FrameKind.Handshake, 0, new byte[WireProtocol.MaxHandshakeBodyLength + 1]));
                break;
            case "oversized-length":
                await HandshakeAsync(options);
                byte[] header = Frame(FrameKind.Request, 1, []);
                BinaryPrimitives.WriteInt32LittleEndian(header, int.MaxValue);
                await SendAsync(header);
                break;
            default:
                await HandshakeAsync(options);
                await SendAsync(Frame(FrameKind.Request, 1, new byte[100])[..60]);
                ShutdownSend();
                break;
        }
    }

    /// <summary>Reads (and discards) until the server closes the connection; true if it did within the timeout.</summary>
    public async Task<bool> WaitForServerCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        byte[] buffer = new byte[64 * 1024];
        try
        {
            while (await _stream.ReadAsync(buffer, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    private async Task<byte[]> ReadFrameAsync()
    {
        byte[] header = new byte[FrameHeader.FrameOverhead];
        await _stream.ReadExactlyAsync(header);
        int length = BitConverter.ToInt32(header, 0);
        byte[] frame = new byte[FrameHeader.FrameOverhead + length];
        header.CopyTo(frame, 0);
        await _stream.ReadExactlyAsync(frame.AsMemory(FrameHeader.FrameOverhead));
        return frame;
    }
}

internal static class HandshakeInitiatorTestExtensions
{
    public static void EnsureAcceptedOrInProgress(this HandshakeInitiator initiator)
    {
        if (initiator.Status == HandshakeStatus.Refused)
        {
            initiator.EnsureAccepted();
        }
    }
}
