using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>Encodes a value into a message body.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="output">The output.</param>
/// <param name="value">The value.</param>
public delegate void WireWriteAction<in T>(IBufferWriter<byte> output, T value);
