using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>An <see cref="OutboundCall"/> that completes a task with a copy of the reply and counts its callbacks.</summary>
public sealed class TestCall : OutboundCall
{
    private readonly TaskCompletionSource<(FrameHeader Header, byte[] Body)> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _callbacks;

    public Task<(FrameHeader Header, byte[] Body)> Result => _result.Task;

    public int Callbacks => Volatile.Read(ref _callbacks);

    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        Interlocked.Increment(ref _callbacks);
        _result.TrySetResult((header, body.ToArray()));
    }

    public override void OnFailure(Exception exception)
    {
        Interlocked.Increment(ref _callbacks);
        _result.TrySetException(exception);
    }
}
