namespace Orleans.Caching;

/// <summary>Options of <see cref="FileSystemCache"/> (Flask-Caching's <c>CACHE_DIR</c>, <c>CACHE_THRESHOLD</c>, file mode and file hash method).</summary>
public sealed class FileSystemCacheOptions : CacheBackendOptions
{
    /// <summary>The threshold used when none is configured.</summary>
    public const int DefaultThreshold = 500;

    /// <summary>The file mode used when none is configured: read and write for the owner only (octal 0600).</summary>
    public const UnixFileMode DefaultFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Gets or sets the directory that holds the cache files (<c>Caching:Dir</c>, <c>CACHE_DIR</c>). Required.</summary>
    /// <value><see langword="null"/>; the cache refuses to start without it.</value>
    /// <remarks>It is created if missing. Several caches (even with different key prefixes) may share one directory.</remarks>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the number of entries above which the cache prunes before a write (<c>CACHE_THRESHOLD</c>); 0 means unlimited, and then no count file is kept.</summary>
    /// <value>500.</value>
    public int Threshold { get; set; } = DefaultThreshold;

    /// <summary>Gets or sets the permissions given to every cache file on Unix (Flask-Caching's <c>mode</c>).</summary>
    /// <value>Octal 0600 (owner read and write).</value>
    public UnixFileMode FileMode { get; set; } = DefaultFileMode;

    /// <summary>Gets or sets the name of the hash whose lower-case hex digest of the full key (UTF-8) names each file (<c>CACHE_FILE_HASH_METHOD</c>); see <see cref="CacheHashMethod.All"/>.</summary>
    /// <value><c>"sha256"</c>.</value>
    public string HashMethod { get; set; } = "sha256";
}
