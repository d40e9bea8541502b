using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>A request for a silo's membership snapshot (a <see cref="FrameKind.MembershipUpdate"/> with an empty body) and its reply.</summary>
internal sealed class MembershipSnapshotCall : OutboundCall
{
    private readonly TaskCompletionSource<MembershipTableSnapshot> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the snapshot, or the failure.</summary>
    public Task<MembershipTableSnapshot> Reply => _reply.Task;

    /// <inheritdoc/>
    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        try
        {
            _reply.TrySetResult(MembershipSnapshotCodec.Read(body));
        }
        catch (WireProtocolException ex)
        {
            _reply.TrySetException(ex);
        }
    }

    /// <inheritdoc/>
    public override void OnFailure(Exception exception) => _reply.TrySetException(exception);
}
