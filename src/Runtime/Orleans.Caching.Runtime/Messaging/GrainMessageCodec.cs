using System.Buffers;
using System.Collections.Frozen;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Encodes and decodes grain calls for <see cref="FrameKind.Request"/> and <see cref="FrameKind.Response"/> bodies with a fixed
/// table of <see cref="GrainMethodCodec"/>s. Request body: grain id (type name, key), method id (2 bytes), arguments.
/// Response body: see <see cref="GrainResponseStatus"/>.
/// </summary>
public sealed partial class GrainMessageCodec
{
    private readonly FrozenDictionary<ushort, GrainMethodCodec> _byId;
    private readonly FrozenDictionary<Type, GrainMethodCodec> _byRequestType;

    /// <summary>Initializes a new instance of the <see cref="GrainMessageCodec"/> class.</summary>
    /// <param name="methods">The method codecs; ids and request types must be unique.</param>
    public GrainMessageCodec(IEnumerable<GrainMethodCodec> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var byId = new Dictionary<ushort, GrainMethodCodec>();
        var byType = new Dictionary<Type, GrainMethodCodec>();
        foreach (GrainMethodCodec method in methods)
        {
            ArgumentNullException.ThrowIfNull(method, nameof(methods));
            if (!byId.TryAdd(method.MethodId, method))
            {
                throw new ArgumentException($"Method id {method.MethodId} is used by both {byId[method.MethodId]} and {method}.", nameof(methods));
            }

            if (!byType.TryAdd(method.RequestType, method))
            {
                throw new ArgumentException($"Request type {method.RequestType} has two codecs: {byType[method.RequestType]} and {method}.", nameof(methods));
            }
        }

        _byId = byId.ToFrozenDictionary();
        _byRequestType = byType.ToFrozenDictionary();
    }

    /// <summary>Gets the method codecs.</summary>
    public IReadOnlyCollection<GrainMethodCodec> Methods => _byId.Values;

    /// <summary>Finds a method by its id.</summary>
    /// <param name="methodId">The id.</param>
    /// <param name="method">The codec.</param>
    /// <returns><see langword="true"/> if known.</returns>
    public bool TryGetMethod(ushort methodId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrainMethodCodec? method)
        => _byId.TryGetValue(methodId, out method);

    /// <summary>Finds the codec of a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The codec.</returns>
    /// <exception cref="ArgumentException">The request's class has no codec.</exception>
    public GrainMethodCodec GetMethod(GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _byRequestType.TryGetValue(request.GetType(), out GrainMethodCodec? method)
            ? method
            : throw new ArgumentException($"{request.GetType()} ({request.MethodName}) has no wire codec; it cannot be sent to another process.", nameof(request));
    }

    /// <summary>Writes a request body.</summary>
    /// <param name="output">The output.</param>
    /// <param name="target">The grain.</param>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentException">The request has no codec, or belongs to another grain type than <paramref name="target"/>.</exception>
    public void WriteRequest(IBufferWriter<byte> output, GrainId target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(output);
        GrainMethodCodec method = GetMethod(request);
        if (method.GrainType != target.Type)
        {
            throw new ArgumentException($"{request.MethodName} is a method of {method.GrainType}, not of {target.Type}.", nameof(request));
        }

        WireWriter.WriteGrainId(output, target);
        WireWriter.WriteUInt16(output, method.MethodId);
        method.WriteArguments(output, request);
    }

    /// <summary>Reads a request body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The decoded call.</returns>
    /// <exception cref="WireProtocolException">The body is malformed (answer <see cref="RejectionReason.BadRequest"/>; the framing is intact).</exception>
    /// <exception cref="GrainCallRejectedException">The method id is unknown or not a method of the grain's type (<see cref="RejectionReason.BadRequest"/>).</exception>
    public DecodedGrainRequest ReadRequest(in ReadOnlySequence<byte> body)
    {
        var reader = new WireReader(body);
        GrainId target = reader.ReadGrainId();
        ushort methodId = reader.ReadUInt16();
        if (!_byId.TryGetValue(methodId, out GrainMethodCodec? method))
        {
            throw new GrainCallRejectedException(RejectionReason.BadRequest, $"Unknown method id {methodId} for grain {target}.");
        }

        if (method.GrainType != target.Type)
        {
            throw new GrainCallRejectedException(RejectionReason.BadRequest, $"Method id {methodId} belongs to grain type {method.GrainType}, not to {target.Type} (grain {target}).");
        }

        GrainRequest request = method.ReadArguments(ref reader);
        reader.EnsureEnd();
        return new DecodedGrainRequest(target, request, method);
    }
}
