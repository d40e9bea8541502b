namespace Orleans.Caching;

/// <summary>Options of the <see cref="Cache"/> facade: how decorators build keys and handle failures.</summary>
public sealed class CacheOptions
{
    /// <summary>Gets or sets the name of the hash method for <c>cached</c> query-string keys and <c>memoize</c> keys (<c>CACHE_HASH_METHOD</c>).</summary>
    /// <value><c>"sha256"</c>.</value>
    public string HashMethod { get; set; } = "sha256";

    /// <summary>Gets or sets a value indicating whether decorators fold a fingerprint of the function's body into keys when they do not say (<c>CACHE_SOURCE_CHECK</c>).</summary>
    /// <value><see langword="false"/>.</value>
    public bool SourceCheck { get; set; }

    /// <summary>Gets or sets a value indicating whether the hit and miss events of <see cref="Cache"/> are raised (<c>CACHE_ENABLE_SIGNALS</c>).</summary>
    /// <value><see langword="false"/>.</value>
    public bool EnableSignals { get; set; }

    /// <summary>Gets or sets a value indicating whether backend and callback failures inside decorators are thrown instead of logged
    /// (Flask's debug mode). Off, a failing cache never breaks the application: the function runs uncached.</summary>
    /// <value><see langword="false"/>.</value>
    public bool Debug { get; set; }
}
