namespace Orleans.Caching;

/// <summary>Options of <see cref="MemcachedCache"/>: the servers and the client's pool, timeouts and limits.</summary>
public class MemcachedCacheOptions : CacheBackendOptions
{
    /// <summary>The default memcached item size limit (the server's <c>-I</c>), in bytes.</summary>
    public const int DefaultMaxItemBytes = 1024 * 1024;

    /// <summary>Gets or sets the servers (<c>Caching:Memcached:Servers</c>, <c>CACHE_MEMCACHED_SERVERS</c>): <c>host:port</c>,
    /// <c>host</c> (port 11211), <c>[ipv6]:port</c>, or the absolute path of a unix socket (optionally prefixed with <c>unix:</c>).</summary>
    /// <value>One server, <c>127.0.0.1:11211</c>.</value>
    /// <remarks>Keys are spread over the servers by consistent (ketama) hashing, so adding or removing a server moves about 1/N of the keys.</remarks>
    public IList<string> Servers { get; set; } = ["127.0.0.1:11211"];

    /// <summary>Gets or sets how long opening a connection (and authenticating it) may take.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long one operation (a request and its reply, waiting for a pooled connection included) may take.</summary>
    /// <value>5 seconds.</value>
    /// <remarks>A connection whose operation times out or is cancelled mid-reply is closed, never returned to the pool.</remarks>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the most connections open to one server; further operations wait for a free one.</summary>
    /// <value>16.</value>
    public int MaxPoolSize { get; set; } = 16;

    /// <summary>Gets or sets how long a server that failed (refused or dropped a connection, timed out) is considered down before it is tried again.
    /// While down, its keys read as misses and writes to them fail with <see cref="MemcachedServerUnavailableException"/>.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan DeadServerRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the servers' item size limit (their <c>-I</c> option), in bytes. A value that does not fit one item with its key
    /// (64 bytes of server header counted) raises <see cref="CacheValueTooLargeException"/> and nothing is sent.</summary>
    /// <value>1 MiB (1,048,576).</value>
    public int MaxItemBytes { get; set; } = DefaultMaxItemBytes;
}
