namespace Orleans.Caching;

/// <summary>A stored value with its absolute expiry, as <see cref="ICacheBackend.GetEntryAsync"/> reads it.</summary>
/// <param name="Value">The bytes.</param>
/// <param name="ExpiresAt">When the value expires, or <see langword="null"/> if it never does.</param>
public sealed record CacheEntry(byte[] Value, DateTimeOffset? ExpiresAt);
