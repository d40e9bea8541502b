namespace Orleans.Caching.Memcached.Client;

/// <summary>An item read from memcached.</summary>
/// <param name="Value">The value, or <see langword="null"/> when only its presence was asked for.</param>
/// <param name="Flags">The item's 32-bit client flags (this client stores the absolute expiry there, Unix seconds, 0 for none).</param>
/// <param name="TimeToLive">The remaining time-to-live in seconds as the server reports it (<c>-1</c>: never expires), or <see langword="null"/> when the protocol does not report it (binary).</param>
/// <param name="Cas">The item's compare-and-swap token.</param>
internal readonly record struct MemcachedItem(byte[]? Value, uint Flags, long? TimeToLive, ulong Cas);
