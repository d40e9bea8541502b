namespace Orleans.Caching.AspNetCore;

/// <summary>Options of the <c>IOutputCacheStore</c> over an Orleans.Caching <see cref="Cache"/>.</summary>
public sealed class OrleansOutputCacheOptions : ICacheAdapterOptions
{
    /// <summary>Gets or sets the prefix of every key the store writes: entries under <c>{prefix}entry/</c>, tag versions under <c>{prefix}tag/</c>.</summary>
    /// <value>Default <c>outputcache/</c>.</value>
    public string KeyPrefix { get; set; } = "outputcache/";

    /// <summary>Gets or sets the name of the keyed <see cref="Cache"/> to store responses in (a <c>Caching:Instances</c> name).</summary>
    /// <value>Default <see langword="null"/>: the default <see cref="Cache"/>.</value>
    public string? CacheName { get; set; }
}
