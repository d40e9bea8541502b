namespace Orleans.Caching;

/// <summary>Options of <see cref="SpreadSASLMemcachedCache"/>: how large values are split over several items.</summary>
public sealed class SpreadSASLMemcachedCacheOptions : SASLMemcachedCacheOptions
{
    /// <summary>Flask-Caching's default chunk size, in bytes.</summary>
    public const int DefaultChunkSize = 1_048_448;

    /// <summary>Flask-Caching's default largest number of chunks.</summary>
    public const int DefaultMaxChunks = 32;

    /// <summary>Gets or sets the largest piece stored in one item (Flask-Caching's <c>chunksize</c>), header included; it is lowered for a
    /// write when a piece and its key would not fit <see cref="MemcachedCacheOptions.MaxItemBytes"/>.</summary>
    /// <value>1,048,448.</value>
    public int ChunkSize { get; set; } = DefaultChunkSize;

    /// <summary>Gets or sets the largest number of pieces (Flask-Caching's <c>maxchunk</c>); a value needing more raises <see cref="CacheValueTooLargeException"/>.</summary>
    /// <value>32.</value>
    public int MaxChunks { get; set; } = DefaultMaxChunks;
}
