namespace Orleans.Caching;

/// <summary>Options every backend understands (Flask-Caching's <c>default_timeout</c>, <c>ignore_delete_many_errors</c> and key prefix, plus limits).</summary>
public class CacheBackendOptions
{
    /// <summary>The largest key accepted by default, in UTF-8 bytes.</summary>
    public const int DefaultMaxKeyBytes = 8 * 1024;

    /// <summary>The largest value accepted by default, in bytes.</summary>
    public const long DefaultMaxValueBytes = 16L * 1024 * 1024;

    /// <summary>Gets or sets the timeout used when an operation passes none (<c>CACHE_DEFAULT_TIMEOUT</c>).</summary>
    /// <value>300 seconds.</value>
    public CacheTimeout DefaultTimeout { get; set; } = CacheTimeout.FromSeconds(300);

    /// <summary>Gets or sets a value indicating whether <c>delete_many</c> returns the deleted keys instead of throwing when some remain (<c>CACHE_IGNORE_ERRORS</c>).</summary>
    /// <value><see langword="false"/>.</value>
    public bool IgnoreDeleteManyErrors { get; set; }

    /// <summary>Gets or sets the prefix prepended to every key the backend stores (<c>CACHE_KEY_PREFIX</c>).</summary>
    /// <value>Empty.</value>
    /// <remarks>Flask-Caching wires its <c>"flask_cache_"</c> default only into the Redis and Memcached backends; so does this project.</remarks>
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>Gets or sets a function evaluated on every operation to produce the key prefix; overrides <see cref="KeyPrefix"/> when set.</summary>
    /// <value><see langword="null"/>.</value>
    public Func<string>? KeyPrefixFactory { get; set; }

    /// <summary>Gets or sets the largest key accepted, in UTF-8 bytes, prefix excluded; longer keys raise <see cref="ArgumentException"/>.</summary>
    /// <value>8192.</value>
    public int MaxKeyBytes { get; set; } = DefaultMaxKeyBytes;

    /// <summary>Gets or sets the largest value accepted, in bytes; larger values raise <see cref="CacheValueTooLargeException"/>.</summary>
    /// <value>16 MiB.</value>
    public long MaxValueBytes { get; set; } = DefaultMaxValueBytes;
}
