using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A request this silo forwarded to the owner: relays the owner's response to the original caller under the caller's
/// correlation id, with this silo's membership version (newer, if the caller's view was stale), or answers Unavailable if the owner
/// could not be reached.</summary>
internal sealed class RelayCall : OutboundCall
{
    private readonly FrameConnection _caller;
    private readonly long _callerCorrelationId;
    private readonly Func<long> _membershipVersion;

    public RelayCall(FrameConnection caller, long callerCorrelationId, Func<long> membershipVersion)
    {
        _caller = caller;
        _callerCorrelationId = callerCorrelationId;
        _membershipVersion = membershipVersion;
    }

    /// <inheritdoc/>
    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        long version = Math.Max(header.MembershipVersion, _membershipVersion());
        _caller.SendFrame(new FrameHeader(FrameKind.Response, _callerCorrelationId, version, 0), body, static (output, response) =>
        {
            foreach (ReadOnlyMemory<byte> segment in response)
            {
                output.Write(segment.Span);
            }
        });
    }

    /// <inheritdoc/>
    public override void OnFailure(Exception exception) => Fail(exception.Message);

    /// <summary>Answers the caller that the forwarded call could not be delivered (it did not run, or its outcome is unknown).</summary>
    /// <param name="message">What happened.</param>
    public void Fail(string message)
        => _caller.SendFrame(new FrameHeader(FrameKind.Response, _callerCorrelationId, _membershipVersion(), 0), message, static (output, text)
            => GrainMessageCodec.WriteRejection(output, RejectionReason.Unavailable, "The owning silo could not be reached: " + text));
}
