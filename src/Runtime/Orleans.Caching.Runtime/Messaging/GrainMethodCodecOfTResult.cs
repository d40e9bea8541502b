using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>A <see cref="GrainMethodCodec"/> whose result type is known: what the client needs to decode a response.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
public abstract class GrainMethodCodec<TResult> : GrainMethodCodec
{
    /// <summary>Initializes a new instance of the <see cref="GrainMethodCodec{TResult}"/> class.</summary>
    /// <param name="methodId">The method's id on the wire.</param>
    /// <param name="grainType">The grain type whose method it is.</param>
    /// <param name="requestType">The request class.</param>
    protected GrainMethodCodec(ushort methodId, GrainType grainType, Type requestType)
        : base(methodId, grainType, requestType)
    {
    }

    /// <summary>Encodes a result.</summary>
    /// <param name="output">The output.</param>
    /// <param name="result">The result.</param>
    public abstract void WriteResult(IBufferWriter<byte> output, TResult result);

    /// <summary>Decodes a result.</summary>
    /// <param name="reader">The body reader.</param>
    /// <returns>The result.</returns>
    public abstract TResult ReadResult(ref WireReader reader);
}
