namespace Orleans.Caching.Grains;

/// <summary>Limits of the cache grains (bound from <c>Caching:Silo:Grains</c>).</summary>
public sealed class CacheGrainOptions
{
    /// <summary>The default of <see cref="MaxValueBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxValueBytes = 16 * 1024 * 1024;

    /// <summary>Gets or sets the largest value a cache entry grain accepts; larger writes fail with <see cref="ArgumentException"/> before any state changes.</summary>
    /// <value>16 MiB (<see cref="DefaultMaxValueBytes"/>).</value>
    public int MaxValueBytes { get; set; } = DefaultMaxValueBytes;
}
