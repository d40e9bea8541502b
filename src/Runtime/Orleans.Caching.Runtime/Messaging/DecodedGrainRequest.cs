namespace Orleans.Caching.Runtime;

/// <summary>A grain call decoded from a request body.</summary>
/// <param name="Target">The grain.</param>
/// <param name="Request">The request with its arguments.</param>
/// <param name="Method">The method's codec (to run it and encode the response).</param>
public readonly record struct DecodedGrainRequest(GrainId Target, GrainRequest Request, GrainMethodCodec Method);
