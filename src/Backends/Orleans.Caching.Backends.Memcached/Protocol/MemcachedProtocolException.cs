namespace Orleans.Caching;

/// <summary>Raised when a memcached server sends a reply the client cannot understand (garbage, a truncated reply, an unexpected
/// error line). The connection it came on is closed, never reused.</summary>
public sealed class MemcachedProtocolException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="MemcachedProtocolException"/> class.</summary>
    /// <param name="server">The server, as configured.</param>
    /// <param name="message">What was wrong with the reply.</param>
    public MemcachedProtocolException(string server, string message)
        : base($"Memcached server {server}: {message}")
    {
        Server = server;
    }

    /// <summary>Gets the server, as configured.</summary>
    public string Server { get; }
}
