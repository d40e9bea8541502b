using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>
/// Answers every Request with a Response carrying the same body, or — when the body is the 5-byte command <c>0xFE, int32 n</c> —
/// with <c>n</c> bytes. With <see cref="ReverseBatch"/> set it holds requests and answers each batch in reverse order. Answers a
/// snapshot request (empty MembershipUpdate) with a 3-byte snapshot. Records frames seen and closes.
/// </summary>
public sealed class EchoFrameHandler : IFrameHandler
{
    private readonly Lock _lock = new();
    private readonly List<(FrameConnection Connection, FrameHeader Header, byte[] Body)> _held = [];
    private readonly TaskCompletionSource<Exception?> _firstClose = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ReverseBatch { get; set; }

    public bool Silent { get; set; }

    public Exception? ThrowOnRequest { get; set; }

    public ConcurrentQueue<Frame> Unsolicited { get; } = new();

    public ConcurrentQueue<Exception?> CloseReasons { get; } = new();

    public Task<Exception?> FirstClose => _firstClose.Task;

    public static byte[] SizeCommand(int size)
    {
        byte[] command = new byte[5];
        command[0] = 0xFE;
        BinaryPrimitives.WriteInt32LittleEndian(command.AsSpan(1), size);
        return command;
    }

    public void OnFrame(FrameConnection connection, in Frame frame)
    {
        if (frame.Header.Kind == FrameKind.MembershipUpdate)
        {
            if (frame.Body.IsEmpty)
            {
                connection.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, frame.Header.CorrelationId, 7, 0), 0, static (w, _) => w.Write<byte>([1, 2, 3]));
            }
            else
            {
                Unsolicited.Enqueue(new Frame(frame.Header, new ReadOnlySequence<byte>(frame.Body.ToArray())));
            }

            return;
        }

        if (ThrowOnRequest is { } failure)
        {
            throw failure;
        }

        if (Silent)
        {
            return;
        }

        byte[] body = frame.Body.ToArray();
        if (ReverseBatch <= 1)
        {
            Reply(connection, frame.Header, body);
            return;
        }

        List<(FrameConnection Connection, FrameHeader Header, byte[] Body)>? batch = null;
        lock (_lock)
        {
            _held.Add((connection, frame.Header, body));
            if (_held.Count >= ReverseBatch)
            {
                batch = [.. _held];
                _held.Clear();
            }
        }

        if (batch is not null)
        {
            for (int i = batch.Count - 1; i >= 0; i--)
            {
                Reply(batch[i].Connection, batch[i].Header, batch[i].Body);
            }
        }
    }

    public void OnClosed(FrameConnection connection, Exception? reason)
    {
        CloseReasons.Enqueue(reason);
        _firstClose.TrySetResult(reason);
    }

    private static void Reply(FrameConnection connection, FrameHeader request, byte[] body)
    {
        var header = new FrameHeader(FrameKind.Response, request.CorrelationId, 1, 0);
        if (body.Length == 5 && body[0] == 0xFE)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(1));
            connection.SendFrame(header, size, static (w, n) => w.Advance(n > 0 ? Fill(w.GetSpan(n), n) : 0));
            return;
        }

        connection.SendFrame(header, body, static (w, b) => w.Write(b));
    }

    private static int Fill(Span<byte> span, int count)
    {
        span[..count].Fill(0x5A);
        return count;
    }
}
