using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The wire form of one grain method: its numeric id, the grain type it belongs to, and how its request arguments and
/// result are encoded. Built once per method (see <see cref="GrainMethodCodec{TRequest, TResult}"/>); no reflection per call.
/// </summary>
public abstract class GrainMethodCodec
{
    /// <summary>Initializes a new instance of the <see cref="GrainMethodCodec"/> class.</summary>
    /// <param name="methodId">The method's id on the wire; non-zero and unique within a <see cref="GrainMessageCodec"/>.</param>
    /// <param name="grainType">The grain type whose method it is.</param>
    /// <param name="requestType">The request class.</param>
    protected GrainMethodCodec(ushort methodId, GrainType grainType, Type requestType)
    {
        ArgumentOutOfRangeException.ThrowIfZero(methodId);
        ArgumentNullException.ThrowIfNull(requestType);
        if (grainType.Name is null)
        {
            throw new ArgumentException("The grain type is not initialized.", nameof(grainType));
        }

        MethodId = methodId;
        GrainType = grainType;
        RequestType = requestType;
    }

    /// <summary>Gets the method's id on the wire.</summary>
    public ushort MethodId { get; }

    /// <summary>Gets the grain type whose method it is.</summary>
    public GrainType GrainType { get; }

    /// <summary>Gets the request class.</summary>
    public Type RequestType { get; }

    /// <summary>Encodes the request's arguments.</summary>
    /// <param name="output">The output.</param>
    /// <param name="request">The request (of <see cref="RequestType"/>).</param>
    public abstract void WriteArguments(IBufferWriter<byte> output, GrainRequest request);

    /// <summary>Decodes the arguments into a request.</summary>
    /// <param name="reader">The body reader, positioned after the method id.</param>
    /// <returns>The request.</returns>
    public abstract GrainRequest ReadArguments(ref WireReader reader);

    /// <summary>
    /// Runs a decoded request through <paramref name="invoker"/> on its typed path and writes the response body: the
    /// result, the rejection (<see cref="GrainCallRejectedException"/>), or the grain's exception type and message.
    /// </summary>
    /// <param name="invoker">The silo's invoker.</param>
    /// <param name="target">The grain.</param>
    /// <param name="request">The request (of <see cref="RequestType"/>).</param>
    /// <param name="output">Where the response body goes; not shared with other writers while this runs.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation propagates instead of being written.</param>
    /// <returns>A task that completes when the response body is written.</returns>
    public abstract ValueTask InvokeAsync(IGrainCallInvoker invoker, GrainId target, GrainRequest request, IBufferWriter<byte> output, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{GrainType}#{MethodId} ({RequestType.Name})";
}
