using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>A frame read from a connection: its header and its body.</summary>
/// <param name="Header">The header.</param>
/// <param name="Body">The body: a slice of the connection's input buffer, valid until the reader advances past it.</param>
public readonly record struct Frame(FrameHeader Header, ReadOnlySequence<byte> Body);
