namespace Orleans.Caching.Runtime;

/// <summary>Decodes a value from a message body.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="reader">The body reader.</param>
/// <returns>The value.</returns>
public delegate T WireReadFunc<out T>(ref WireReader reader);
