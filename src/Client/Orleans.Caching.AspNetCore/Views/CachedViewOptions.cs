namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The options of one cached view: Flask-Caching's <c>@cache.cached(...)</c> parameters (<see cref="Cached"/>) plus what only
/// views have. Callbacks in <see cref="Cached"/> get a <see cref="CacheInvocation"/> whose only argument is the request's
/// <see cref="Microsoft.AspNetCore.Http.HttpContext"/> (read it with <see cref="CachedViewHttpContextExtensions.GetHttpContext(CacheInvocation)"/>);
/// <see cref="CachedOptions.ResponseFilter"/> and <see cref="CachedOptions.IsStale"/> get a <see cref="CachedViewResponse"/>.
/// </summary>
public sealed class CachedViewOptions
{
    /// <summary>Gets or sets the Flask options: timeout, key prefix (literal or <see cref="CachedOptions.KeyPrefixFactory"/>),
    /// <c>unless</c>, <c>forced_update</c>, <c>is_stale</c>, <c>response_filter</c>, <c>query_string</c>, <c>make_cache_key</c>...</summary>
    /// <value>Defaults: key <c>view/%s</c> with the request path, the backend's timeout, only 2xx responses cached.</value>
    public CachedOptions Cached { get; set; } = new();

    /// <summary>Gets or sets a value indicating whether responses served from the cache carry <c>hit_cache: True</c> (<c>response_hit_indication</c>).</summary>
    /// <value><see langword="false"/>.</value>
    public bool ResponseHitIndication { get; set; }

    /// <summary>Gets or sets the largest body, in bytes, that is cached; larger responses are served uncached (and logged).</summary>
    /// <value><see langword="null"/>: <see cref="ViewCachingOptions.MaximumBodySize"/>.</value>
    public long? MaximumBodySize { get; set; }

    /// <summary>Gets or sets the name of the keyed <see cref="Cache"/> to use.</summary>
    /// <value><see langword="null"/>: the default cache.</value>
    public string? CacheName { get; set; }
}
