using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A probe: completes when the pong arrives, fails when the connection closes first.</summary>
internal sealed class PingCall : OutboundCall
{
    private readonly TaskCompletionSource _pong = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes when the pong arrived.</summary>
    public Task Task => _pong.Task;

    /// <inheritdoc/>
    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body) => _pong.TrySetResult();

    /// <inheritdoc/>
    public override void OnFailure(Exception exception) => _pong.TrySetException(exception);
}
