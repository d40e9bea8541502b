using System.Buffers;

namespace Orleans.Caching.Runtime;

public sealed partial class GrainMessageCodec
{
    /// <summary>Writes a successful response body: status, method id, result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="output">The output.</param>
    /// <param name="method">The method's codec.</param>
    /// <param name="result">The result.</param>
    public static void WriteSuccess<TResult>(IBufferWriter<byte> output, GrainMethodCodec<TResult> method, TResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(method);
        WireWriter.WriteByte(output, (byte)GrainResponseStatus.Success);
        WireWriter.WriteUInt16(output, method.MethodId);
        method.WriteResult(output, result);
    }

    /// <summary>Writes a rejection response body.</summary>
    /// <param name="output">The output.</param>
    /// <param name="reason">Why the call was rejected.</param>
    /// <param name="message">What happened.</param>
    public static void WriteRejection(IBufferWriter<byte> output, RejectionReason reason, string message)
    {
        ArgumentNullException.ThrowIfNull(output);
        WireWriter.WriteByte(output, (byte)GrainResponseStatus.Rejected);
        WireWriter.WriteByte(output, (byte)reason);
        WireWriter.WriteString(output, message ?? string.Empty);
    }

    /// <summary>Writes the response body of a call whose grain threw.</summary>
    /// <param name="output">The output.</param>
    /// <param name="exceptionType">The exception type's full name.</param>
    /// <param name="message">The exception message.</param>
    public static void WriteApplicationError(IBufferWriter<byte> output, string exceptionType, string message)
    {
        ArgumentNullException.ThrowIfNull(output);
        WireWriter.WriteByte(output, (byte)GrainResponseStatus.ApplicationError);
        WireWriter.WriteString(output, exceptionType ?? "Exception");
        WireWriter.WriteString(output, message ?? string.Empty);
    }

    /// <summary>Reads the response body of a call.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="request">The request it answers (its class picks the result decoder).</param>
    /// <returns>The response.</returns>
    /// <exception cref="WireProtocolException">The body is malformed or answers another method.</exception>
    public GrainResponse<TResult> ReadResponse<TResult>(in ReadOnlySequence<byte> body, GrainRequest<TResult> request)
    {
        var method = (GrainMethodCodec<TResult>)GetMethod(request);
        var reader = new WireReader(body);
        byte status = reader.ReadByte();
        GrainResponse<TResult> response;
        switch ((GrainResponseStatus)status)
        {
            case GrainResponseStatus.Success:
                ushort methodId = reader.ReadUInt16();
                if (methodId != method.MethodId)
                {
                    throw new WireProtocolException($"Malformed response: it answers method id {methodId}, but the request was method id {method.MethodId}.");
                }

                response = GrainResponse<TResult>.Success(method.ReadResult(ref reader));
                break;
            case GrainResponseStatus.Rejected:
                byte reason = reader.ReadByte();
                if (reason > (byte)RejectionReason.BadRequest)
                {
                    throw new WireProtocolException($"Malformed response: unknown rejection reason {reason}.");
                }

                response = GrainResponse<TResult>.Rejected((RejectionReason)reason, reader.ReadString());
                break;
            case GrainResponseStatus.ApplicationError:
                string exceptionType = reader.ReadString();
                response = GrainResponse<TResult>.ApplicationError(exceptionType, reader.ReadString());
                break;
            default:
                throw new WireProtocolException($"Malformed response: unknown status {status}.");
        }

        reader.EnsureEnd();
        return response;
    }

    /// <summary>Runs a decoded request through <paramref name="invoker"/> and writes its response body (result, rejection or grain exception).</summary>
    /// <param name="invoker">The silo's invoker.</param>
    /// <param name="request">The decoded request.</param>
    /// <param name="output">Where the response body goes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static ValueTask InvokeAsync(IGrainCallInvoker invoker, DecodedGrainRequest request, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request.Method);
        return request.Method.InvokeAsync(invoker, request.Target, request.Request, output, cancellationToken);
    }
}
