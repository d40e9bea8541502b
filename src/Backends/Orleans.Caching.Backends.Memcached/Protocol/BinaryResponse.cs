namespace Orleans.Caching.Memcached.Protocol;

/// <summary>A binary-protocol response: its header fields and body parts.</summary>
internal readonly record struct BinaryResponse(byte Opcode, ushort Status, uint Opaque, ulong Cas, byte[] Extras, byte[] Key, byte[] Value);
