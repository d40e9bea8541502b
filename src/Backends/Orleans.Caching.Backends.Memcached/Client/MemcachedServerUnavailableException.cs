namespace Orleans.Caching;

/// <summary>Raised by a write (or <c>inc</c>, <c>delete</c>) whose key lives on a memcached server that cannot be reached or is marked
/// down after a failure. Reads of such keys are misses instead (logged).</summary>
public sealed class MemcachedServerUnavailableException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="MemcachedServerUnavailableException"/> class.</summary>
    /// <param name="server">The server, as configured.</param>
    /// <param name="message">Why it is unavailable.</param>
    /// <param name="innerException">The failure that marked it down, if any.</param>
    public MemcachedServerUnavailableException(string server, string message, Exception? innerException)
        : base($"Memcached server {server} is unavailable: {message}", innerException)
    {
        Server = server;
    }

    /// <summary>Gets the server, as configured.</summary>
    public string Server { get; }
}
