namespace Orleans.Caching;

/// <summary>
/// Options of <see cref="Cache.Cached{TDelegate}(TDelegate, CachedOptions?)"/>: the parameters of Flask-Caching's
/// <c>@cache.cached(...)</c>. Callbacks count only when they return <see langword="true"/>.
/// </summary>
/// <remarks>
/// The key of a <c>cached</c> function does not depend on its arguments (only on the path, the prefix or the query
/// string); use <see cref="MakeCacheKey"/> to key by arguments, or <c>Memoize</c>.
/// </remarks>
public sealed class CachedOptions
{
    /// <summary>The default key prefix: <c>%s</c> is replaced by the request path (Flask-Caching's <c>"view/%s"</c>).</summary>
    public const string DefaultKeyPrefix = "view/%s";

    /// <summary>Gets or sets the time-to-live of cached results (<c>timeout</c>); it is the initial value of
    /// <see cref="CachedFunction{TDelegate}.CacheTimeout"/>, which is read on each call.</summary>
    /// <value><see langword="null"/>: the backend's default timeout.</value>
    public CacheTimeout? Timeout { get; set; }

    /// <summary>Gets or sets the key prefix (<c>key_prefix</c>). The first <c>%s</c> in it is replaced by the path passed to
    /// <see cref="CachedFunction{TDelegate}.GetCacheKeyForPath(string?, object?)"/>, else the ambient request path
    /// (<see cref="CacheRequestContext.Current"/>), else the function's name (declaring type full name, a dot, the method name).
    /// A prefix without <c>%s</c> is used as it is.</summary>
    /// <value><c>"view/%s"</c>.</value>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>Gets or sets a function producing the key prefix on each call (Flask's callable <c>key_prefix</c>); it wins over <see cref="KeyPrefix"/>.</summary>
    /// <value><see langword="null"/>.</value>
    public Func<string>? KeyPrefixFactory { get; set; }

    /// <summary>Gets or sets a callback that, when it returns <see langword="true"/>, bypasses the cache entirely for the call:
    /// the function runs, nothing is read or stored and no signal is raised (<c>unless</c>).</summary>
    /// <value><see langword="null"/>.</value>
    public Func<CacheInvocation, bool>? Unless { get; set; }

    /// <summary>Gets or sets a callback evaluated once per call; <see langword="true"/> skips the read and refreshes the
    /// value (<c>forced_update</c>).</summary>
    /// <value><see langword="null"/>.</value>
    public Func<CacheInvocation, bool>? ForcedUpdate { get; set; }

    /// <summary>Gets or sets a callback given the cached value (first) and the call on a hit; <see langword="true"/> treats
    /// the value as stale and recomputes it (<c>is_stale</c>). Not called on misses or forced updates. The value is the one
    /// read from the cache: the inner value of a <see cref="CachedResponse"/>, the joined string, bytes or list of a generator.</summary>
    /// <value><see langword="null"/>.</value>
    public Func<object?, CacheInvocation, bool>? IsStale { get; set; }

    /// <summary>Gets or sets a filter given the function's fresh result (the drained value for generators);
    /// <see langword="false"/> means the result is returned but not stored (<c>response_filter</c>).</summary>
    /// <value><see langword="null"/>: every result is stored.</value>
    public Func<object?, bool>? ResponseFilter { get; set; }

    /// <summary>Gets or sets a value indicating whether the key is the prefix plus a digest of the sorted query pairs
    /// (<c>query_string</c>), so requests differing only in parameter order share an entry.</summary>
    /// <value><see langword="false"/>.</value>
    public bool QueryString { get; set; }

    /// <summary>Gets or sets the hash method of the query-string and source-check digests (<c>hash_method</c>).</summary>
    /// <value><see langword="null"/>: <see cref="Cache.HashMethod"/>, read each time a key is built.</value>
    public CacheHashMethod? HashMethod { get; set; }

    /// <summary>Gets or sets a value indicating whether a cached <see langword="null"/> is a hit (<c>cache_none</c>); if so a
    /// <see langword="null"/> read is confirmed with <see cref="Cache.HasAsync(string, CancellationToken)"/>.</summary>
    /// <value><see langword="false"/>: a cached <see langword="null"/> counts as a miss.</value>
    public bool CacheNone { get; set; }

    /// <summary>Gets or sets a key function that replaces the built-in one entirely (<c>make_cache_key</c>): its result is the
    /// key, nothing is prefixed or appended.</summary>
    /// <value><see langword="null"/>: the function's <see cref="CachedFunction{TDelegate}.MakeCacheKey"/>.</value>
    public Func<CacheInvocation, string>? MakeCacheKey { get; set; }

    /// <summary>Gets or sets a value indicating whether a fingerprint of the function's body (IL bytes and signature) is folded
    /// into the key, so a changed body gets fresh entries and an identical one shares them (<c>source_check</c>).</summary>
    /// <value><see langword="null"/>: <see cref="CacheOptions.SourceCheck"/>.</value>
    public bool? SourceCheck { get; set; }

    /// <summary>Returns a shallow copy (a named policy is copied before an attribute's properties are applied).</summary>
    /// <returns>The copy.</returns>
    internal CachedOptions Clone() => (CachedOptions)MemberwiseClone();
}
