namespace Orleans.Caching;

/// <summary>Raised when a memcached server rejects the SASL credentials (or offers no mechanism the client supports). The message names
/// the server, the user and the mechanism, never the password.</summary>
public sealed class MemcachedAuthenticationException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="MemcachedAuthenticationException"/> class.</summary>
    /// <param name="server">The server, as configured.</param>
    /// <param name="message">What the server answered.</param>
    public MemcachedAuthenticationException(string server, string message)
        : base($"Memcached server {server}: {message}")
    {
        Server = server;
    }

    /// <summary>Gets the server, as configured.</summary>
    public string Server { get; }
}
