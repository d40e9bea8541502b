namespace Orleans.Caching.AspNetCore;

/// <summary>Options of the <c>IDistributedCache</c> over an Orleans.Caching <see cref="Cache"/>.</summary>
public sealed class OrleansDistributedCacheOptions : ICacheAdapterOptions
{
    /// <summary>Gets or sets the prefix of every key the distributed cache writes.</summary>
    /// <value>Default <c>distcache/</c>.</value>
    public string KeyPrefix { get; set; } = "distcache/";

    /// <summary>Gets or sets the name of the keyed <see cref="Cache"/> to store values in (a <c>Caching:Instances</c> name).</summary>
    /// <value>Default <see langword="null"/>: the default <see cref="Cache"/>.</value>
    public string? CacheName { get; set; }
}
