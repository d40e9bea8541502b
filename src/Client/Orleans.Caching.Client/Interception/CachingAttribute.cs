namespace Orleans.Caching;

/// <summary>
/// What <see cref="MemoizeAttribute"/> and <see cref="CachedAttribute"/> share: the timeout, hash method, <c>cache_none</c>,
/// <c>source_check</c>, the named policy whose options are the base, and the cache instance. A property left unset takes the policy's value.
/// </summary>
public abstract class CachingAttribute : Attribute
{
    private int? _timeout;
    private bool? _cacheNone;
    private bool? _sourceCheck;

    /// <summary>Initializes a new instance of the <see cref="CachingAttribute"/> class with the backend's default timeout.</summary>
    private protected CachingAttribute()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CachingAttribute"/> class.</summary>
    /// <param name="timeout">The time-to-live of cached results in seconds (<c>timeout</c>); 0 never expires.</param>
    private protected CachingAttribute(int timeout)
    {
        _timeout = timeout;
    }

    /// <summary>Gets or sets the time-to-live of cached results in seconds (<c>timeout</c>).</summary>
    /// <value>Unset: the policy's timeout, else the backend's default.</value>
    public int Timeout
    {
        get => _timeout ?? 0;
        set => _timeout = value;
    }

    /// <summary>Gets or sets the hash method's name (<c>hash_method</c>): <c>sha1</c>, <c>sha224</c>, <c>sha256</c>, <c>sha384</c>, <c>sha512</c> or <c>md5</c>.</summary>
    /// <value><see langword="null"/>: the policy's, else the cache's.</value>
    public string? HashMethod { get; set; }

    /// <summary>Gets or sets a value indicating whether a <see langword="null"/> result is cached (<c>cache_none</c>).</summary>
    /// <value>Unset: the policy's, else <see langword="false"/>.</value>
    public bool CacheNone
    {
        get => _cacheNone ?? false;
        set => _cacheNone = value;
    }

    /// <summary>Gets or sets a value indicating whether a fingerprint of the method is folded into keys (<c>source_check</c>).</summary>
    /// <value>Unset: the policy's, else <see cref="CacheOptions.SourceCheck"/>.</value>
    public bool SourceCheck
    {
        get => _sourceCheck ?? false;
        set => _sourceCheck = value;
    }

    /// <summary>Gets or sets the name of a registered policy (<c>services.AddMemoizePolicy</c> / <c>AddCachedPolicy</c>) whose options are
    /// the base; callbacks (<c>unless</c>, <c>forced_update</c>, <c>is_stale</c>, <c>response_filter</c>...) can only come from one.</summary>
    /// <value><see langword="null"/>: no policy.</value>
    public string? Policy { get; set; }

    /// <summary>Gets or sets the name of the <see cref="Cache"/> instance (a keyed service of <c>Caching:Instances</c>) to cache in.</summary>
    /// <value><see langword="null"/>: the default cache.</value>
    public string? CacheName { get; set; }

    internal int? TimeoutOrNull => _timeout;

    internal bool? CacheNoneOrNull => _cacheNone;

    internal bool? SourceCheckOrNull => _sourceCheck;
}
