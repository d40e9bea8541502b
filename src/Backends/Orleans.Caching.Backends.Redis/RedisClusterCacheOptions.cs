namespace Orleans.Caching;

/// <summary>Options of <see cref="RedisClusterCache"/> (<c>CACHE_REDIS_CLUSTER</c>).</summary>
/// <remarks>Redis Cluster has only database 0; <see cref="RedisCacheOptions.Db"/> must stay 0.</remarks>
public sealed class RedisClusterCacheOptions : RedisCacheOptions
{
    /// <summary>Gets or sets the startup nodes as <c>host1:port1,host2:port2</c> (<c>CACHE_REDIS_CLUSTER</c>); when empty,
    /// <see cref="RedisCacheOptions.Url"/> or <see cref="RedisCacheOptions.Host"/> and <see cref="RedisCacheOptions.Port"/> name one node.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Cluster { get; set; }
}
