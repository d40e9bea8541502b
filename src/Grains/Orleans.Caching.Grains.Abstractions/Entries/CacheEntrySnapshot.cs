namespace Orleans.Caching.Grains;

/// <summary>A live value with its expiry.</summary>
/// <param name="Value">The bytes.</param>
/// <param name="ExpiresAt">When it expires, or <see langword="null"/> if never.</param>
public sealed record CacheEntrySnapshot(byte[] Value, DateTimeOffset? ExpiresAt);
