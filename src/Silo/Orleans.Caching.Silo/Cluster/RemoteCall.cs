using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A call this silo makes to a grain another silo owns: decodes the typed response on the connection's read loop.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class RemoteCall<TResult> : OutboundCall
{
    private readonly TaskCompletionSource<GrainResponse<TResult>> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainMessageCodec _codec;
    private readonly GrainRequest<TResult> _request;

    public RemoteCall(GrainMessageCodec codec, GrainRequest<TResult> request)
    {
        _codec = codec;
        _request = request;
    }

    /// <summary>Gets the response.</summary>
    public Task<GrainResponse<TResult>> Response => _response.Task;

    /// <inheritdoc/>
    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        try
        {
            _response.TrySetResult(_codec.ReadResponse(body, _request));
        }
        catch (WireProtocolException exception)
        {
            _response.TrySetException(exception);
        }
    }

    /// <inheritdoc/>
    public override void OnFailure(Exception exception) => _response.TrySetException(exception);
}
