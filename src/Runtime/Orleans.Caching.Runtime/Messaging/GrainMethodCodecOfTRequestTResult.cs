using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>The codec of one grain method, built from four small encode/decode delegates.</summary>
/// <typeparam name="TRequest">The request class.</typeparam>
/// <typeparam name="TResult">The method's result type.</typeparam>
public sealed class GrainMethodCodec<TRequest, TResult> : GrainMethodCodec<TResult>
    where TRequest : GrainRequest<TResult>
{
    private readonly WireWriteAction<TRequest> _writeArguments;
    private readonly WireReadFunc<TRequest> _readArguments;
    private readonly WireWriteAction<TResult> _writeResult;
    private readonly WireReadFunc<TResult> _readResult;

    /// <summary>Initializes a new instance of the <see cref="GrainMethodCodec{TRequest, TResult}"/> class.</summary>
    /// <param name="methodId">The method's id on the wire; non-zero.</param>
    /// <param name="grainType">The grain type whose method it is.</param>
    /// <param name="writeArguments">Encodes the request's arguments.</param>
    /// <param name="readArguments">Decodes them into a request.</param>
    /// <param name="writeResult">Encodes a result.</param>
    /// <param name="readResult">Decodes a result.</param>
    public GrainMethodCodec(
        ushort methodId,
        GrainType grainType,
        WireWriteAction<TRequest> writeArguments,
        WireReadFunc<TRequest> readArguments,
        WireWriteAction<TResult> writeResult,
        WireReadFunc<TResult> readResult)
        : base(methodId, grainType, typeof(TRequest))
    {
        ArgumentNullException.ThrowIfNull(writeArguments);
        ArgumentNullException.ThrowIfNull(readArguments);
        ArgumentNullException.ThrowIfNull(writeResult);
        ArgumentNullException.ThrowIfNull(readResult);
        _writeArguments = writeArguments;
        _readArguments = readArguments;
        _writeResult = writeResult;
        _readResult = readResult;
    }

    /// <inheritdoc/>
    public override void WriteArguments(IBufferWriter<byte> output, GrainRequest request) => _writeArguments(output, (TRequest)request);

    /// <inheritdoc/>
    public override GrainRequest ReadArguments(ref WireReader reader) => _readArguments(ref reader);

    /// <inheritdoc/>
    public override void WriteResult(IBufferWriter<byte> output, TResult result) => _writeResult(output, result);

    /// <inheritdoc/>
    public override TResult ReadResult(ref WireReader reader) => _readResult(ref reader);

    /// <inheritdoc/>
    public override async ValueTask InvokeAsync(IGrainCallInvoker invoker, GrainId target, GrainRequest request, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        TResult result;
        try
        {
            result = await invoker.InvokeAsync(target, (TRequest)request, cancellationToken).ConfigureAwait(false);
        }
        catch (GrainCallRejectedException rejection)
        {
            GrainMessageCodec.WriteRejection(output, rejection.Reason, rejection.Message);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            GrainMessageCodec.WriteApplicationError(output, exception.GetType().FullName ?? exception.GetType().Name, exception.Message);
            return;
        }

        GrainMessageCodec.WriteSuccess(output, this, result);
    }
}
