namespace Orleans.Caching;

/// <summary>Options of the FileSystem cache (Flask-Caching's <c>FileSystemCache</c>).</summary>
public sealed class FileSystemCacheOptions : CacheBackendOptions
{
    /// <summary>Gets or sets the directory holding the cache files (<c>CACHE_DIR</c>); required.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the number of files above which the cache prunes (<c>CACHE_THRESHOLD</c>); 0 means unlimited.</summary>
    /// <value>500.</value>
    public int Threshold { get; set; } = 500;

    /// <summary>Gets or sets the Unix permission mode of cache files (<c>CACHE_FILE_MODE</c>).</summary>
    /// <value><c>0x180</c> (octal 0600).</value>
    public int FileMode { get; set; } = 0x180;

    /// <summary>Gets or sets the name of the hash method naming cache files (<c>CACHE_FILE_HASH_METHOD</c>), independent of <c>CACHE_HASH_METHOD</c>.</summary>
    /// <value><c>"sha256"</c>.</value>
    public string HashMethod { get; set; } = "sha256";
}
