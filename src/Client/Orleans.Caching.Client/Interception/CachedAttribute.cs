namespace Orleans.Caching;

/// <summary>
/// Caches the result of a method of a service registered with <c>services.AddMemoized&lt;...&gt;()</c> as a function
/// (Flask-Caching's <c>@cache.cached(...)</c> on a plain function): one entry under <see cref="KeyPrefix"/>, whatever the arguments.
/// </summary>
/// <remarks>
/// The key is <see cref="KeyPrefix"/> with <c>%s</c> replaced by the request path inside an HTTP request, else by the declaring
/// type's full name and the method name. Callbacks go in a named policy: <c>services.AddCachedPolicy(name, options =&gt; ...)</c>.
/// The same method rules as <see cref="MemoizeAttribute"/> apply.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class CachedAttribute : CachingAttribute
{
    private bool? _queryString;

    /// <summary>Initializes a new instance of the <see cref="CachedAttribute"/> class with the backend's default timeout.</summary>
    public CachedAttribute()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CachedAttribute"/> class.</summary>
    /// <param name="timeout">The time-to-live in seconds (<c>timeout</c>); 0 never expires.</param>
    public CachedAttribute(int timeout)
        : base(timeout)
    {
    }

    /// <summary>Gets or sets the key prefix (<c>key_prefix</c>); <c>%s</c> is replaced as the class remarks say.</summary>
    /// <value><see langword="null"/>: the policy's, else <see cref="CachedOptions.DefaultKeyPrefix"/>.</value>
    public string? KeyPrefix { get; set; }

    /// <summary>Gets or sets a value indicating whether the key is the prefix plus a digest of the request's sorted query pairs
    /// (<c>query_string</c>, see <see cref="CachedOptions.QueryString"/>).</summary>
    /// <value>Unset: the policy's, else <see langword="false"/>.</value>
    public bool QueryString
    {
        get => _queryString ?? false;
        set => _queryString = value;
    }

    /// <summary>Gets or sets a value indicating whether a view answered from the cache carries the header <c>hit_cache: True</c>
    /// (<c>response_hit_indication</c>). Only ASP.NET Core views (Orleans.Caching.AspNetCore) read it.</summary>
    /// <value><see langword="false"/>.</value>
    public bool ResponseHitIndication { get; set; }

    /// <summary>Gets or sets the largest response body, in bytes, an ASP.NET Core view caches; larger responses are served uncached.</summary>
    /// <value>0: the application's default (1 MiB unless configured).</value>
    public long MaximumBodySize { get; set; }

    internal bool? QueryStringOrNull => _queryString;
}
