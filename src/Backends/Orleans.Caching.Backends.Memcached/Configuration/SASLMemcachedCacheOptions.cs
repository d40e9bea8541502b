namespace Orleans.Caching;

/// <summary>Options of <see cref="SASLMemcachedCache"/>: the servers and SASL PLAIN credentials.</summary>
public class SASLMemcachedCacheOptions : MemcachedCacheOptions
{
    /// <summary>Gets or sets the SASL user name (<c>Caching:Memcached:Username</c>, <c>CACHE_MEMCACHED_USERNAME</c>).</summary>
    /// <value><see langword="null"/>: no authentication (the binary protocol is still used).</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the SASL password (<c>Caching:Memcached:Password</c>, <c>CACHE_MEMCACHED_PASSWORD</c>). Never logged nor put in messages.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Password { get; set; }
}
