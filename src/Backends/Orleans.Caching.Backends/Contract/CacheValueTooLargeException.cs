namespace Orleans.Caching;

/// <summary>Raised when a value is larger than <see cref="CacheBackendOptions.MaxValueBytes"/> or than the store accepts. Nothing is written.</summary>
public sealed class CacheValueTooLargeException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="CacheValueTooLargeException"/> class.</summary>
    /// <param name="key">The key that was being written.</param>
    /// <param name="size">The size of the value in bytes.</param>
    /// <param name="limit">The largest size accepted.</param>
    public CacheValueTooLargeException(string key, long size, long limit)
        : base($"The value for key '{key}' is {size} bytes, over the limit of {limit} bytes (Caching:MaxValueBytes); nothing was written.")
    {
        Key = key;
        Size = size;
        Limit = limit;
    }

    /// <summary>Initializes a new instance of the <see cref="CacheValueTooLargeException"/> class for a limit other than <see cref="CacheBackendOptions.MaxValueBytes"/>.</summary>
    /// <param name="key">The key that was being written.</param>
    /// <param name="size">The size of the value in bytes.</param>
    /// <param name="limit">The largest size accepted.</param>
    /// <param name="limitName">What sets the limit, for the message (such as <c>Caching:Memcached:MaxItemBytes</c>).</param>
    public CacheValueTooLargeException(string key, long size, long limit, string limitName)
        : base($"The value for key '{key}' is {size} bytes, over the limit of {limit} bytes ({limitName}); nothing was written.")
    {
        Key = key;
        Size = size;
        Limit = limit;
    }

    /// <summary>Gets the key that was being written.</summary>
    public string Key { get; }

    /// <summary>Gets the size of the rejected value in bytes.</summary>
    public long Size { get; }

    /// <summary>Gets the largest size accepted.</summary>
    public long Limit { get; }
}
