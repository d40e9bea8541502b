namespace Orleans.Caching;

/// <summary>Options of <see cref="RedisSentinelCache"/> (<c>CACHE_REDIS_SENTINELS</c>, <c>CACHE_REDIS_SENTINEL_MASTER</c>, ...).</summary>
/// <remarks><see cref="RedisCacheOptions.Password"/> and <see cref="RedisCacheOptions.Db"/> apply to the master and replicas.</remarks>
public sealed class RedisSentinelCacheOptions : RedisCacheOptions
{
    /// <summary>Gets the sentinels as <c>host:port</c> (<c>CACHE_REDIS_SENTINELS</c>).</summary>
    public IList<string> Sentinels { get; } = [];

    /// <summary>Gets or sets the name the sentinels monitor the master under (<c>CACHE_REDIS_SENTINEL_MASTER</c>).</summary>
    /// <value><c>"mymaster"</c>.</value>
    public string SentinelMaster { get; set; } = "mymaster";

    /// <summary>Gets or sets the password of the sentinels themselves (<c>CACHE_REDIS_SENTINEL_PASSWORD</c>); never logged.</summary>
    /// <value><see langword="null"/>.</value>
    public string? SentinelPassword { get; set; }

    /// <summary>Gets or sets a value indicating whether reads go to a replica when one is known (as Flask-Caching's <c>slave_for</c> does).</summary>
    /// <value><see langword="true"/>.</value>
    /// <remarks>Replication is asynchronous: a read right after a write may not see it. Turn this off for read-your-writes.</remarks>
    public bool ReadFromReplicas { get; set; } = true;
}
