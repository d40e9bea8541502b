namespace Orleans.Caching;

/// <summary>
/// Memoizes a method of a service registered with <c>services.AddMemoized&lt;TService, TImplementation&gt;()</c> or
/// <c>services.AddMemoized&lt;TService&gt;()</c> (Flask-Caching's <c>@cache.memoize(...)</c> on a method): results are cached under the
/// same keys <see cref="Cache.Memoize{TDelegate}(TDelegate, MemoizeOptions?)"/> gives the implementation's method group, so
/// <see cref="Cache.DeleteMemoizedAsync(Delegate, object?[])"/> and its overloads work on either.
/// </summary>
/// <remarks>
/// <para>Put it on an interface method or on the implementation's method (interface proxies), or on a virtual method (class proxies).
/// The method must return a value, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> and take no <c>ref</c>/<c>out</c>/<c>in</c>
/// parameters; anything else is refused when the service is registered.</para>
/// <para>Callbacks (<c>unless</c>, <c>forced_update</c>, <c>is_stale</c>, <c>response_filter</c>, <c>make_name</c>) cannot be attribute
/// arguments: register them in a named policy with <c>services.AddMemoizePolicy(name, options =&gt; ...)</c> and name it in
/// <see cref="Policy"/>. Properties set on the attribute override the policy's.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MemoizeAttribute : Attribute
{
    private int? _timeout;
    private bool? _cacheNone;
    private bool? _sourceCheck;

    /// <summary>Initializes a new instance of the <see cref="MemoizeAttribute"/> class with the backend's default timeout.</summary>
    public MemoizeAttribute()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MemoizeAttribute"/> class.</summary>
    /// <param name="timeout">The time-to-live of results in seconds (<c>timeout</c>); 0 never expires.</param>
    public MemoizeAttribute(int timeout)
    {
        _timeout = timeout;
    }

    /// <summary>Gets or sets the time-to-live of results in seconds (<c>timeout</c>).</summary>
    /// <value>Unset: the policy's timeout, else the backend's default.</value>
    public int Timeout
    {
        get => _timeout ?? 0;
        set => _timeout = value;
    }

    /// <summary>Gets or sets the function name used for keys and version keys instead of the derived one (<see cref="MemoizeOptions.Name"/>).</summary>
    /// <value><see langword="null"/>: the implementation type's full name and the method name, as <c>cache.Memoize(service.Method)</c> derives it.</value>
    public string? Name { get; set; }

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

    /// <summary>Gets or sets parameter names left out of keys (<c>args_to_ignore</c>); <c>"self"</c> makes all instances share entries.</summary>
    /// <value><see langword="null"/>: the policy's.</value>
    public string[]? ArgsToIgnore { get; set; }

    /// <summary>Gets or sets the name of a policy registered with <c>services.AddMemoizePolicy(name, ...)</c> whose options are the base.</summary>
    /// <value><see langword="null"/>: no policy.</value>
    public string? Policy { get; set; }

    /// <summary>Gets or sets the name of the <see cref="Cache"/> instance (a keyed service of <c>Caching:Instances</c>) to memoize in.</summary>
    /// <value><see langword="null"/>: the default cache.</value>
    public string? CacheName { get; set; }

    internal int? TimeoutOrNull => _timeout;

    internal bool? CacheNoneOrNull => _cacheNone;

    internal bool? SourceCheckOrNull => _sourceCheck;
}
