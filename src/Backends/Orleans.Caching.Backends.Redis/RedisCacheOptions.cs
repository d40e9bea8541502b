namespace Orleans.Caching;

/// <summary>Options of <see cref="RedisCache"/> (Flask-Caching's <c>CACHE_REDIS_*</c> settings).</summary>
/// <remarks>
/// <para>When the backend is built by name (<c>CACHE_TYPE = RedisCache</c>) and no <c>CACHE_KEY_PREFIX</c> is configured, the key prefix is
/// Flask-Caching's <c>"flask_cache_"</c>; a <see cref="RedisCache"/> constructed directly uses <see cref="CacheBackendOptions.KeyPrefix"/> as set.</para>
/// <para><see cref="Url"/> overrides <see cref="Host"/>, <see cref="Port"/> and <see cref="Password"/>; a database in the URL overrides <see cref="Db"/>.</para>
/// </remarks>
public class RedisCacheOptions : CacheBackendOptions
{
    /// <summary>The prefix Flask-Caching gives Redis keys when none is configured.</summary>
    public const string FlaskKeyPrefix = "flask_cache_";

    /// <summary>Gets or sets the server's host name or address (<c>CACHE_REDIS_HOST</c>).</summary>
    /// <value><c>"localhost"</c>.</value>
    public string? Host { get; set; } = "localhost";

    /// <summary>Gets or sets the server's port (<c>CACHE_REDIS_PORT</c>).</summary>
    /// <value>6379.</value>
    public int Port { get; set; } = 6379;

    /// <summary>Gets or sets the password sent with <c>AUTH</c> (<c>CACHE_REDIS_PASSWORD</c>); never logged.</summary>
    /// <value><see langword="null"/> (no authentication).</value>
    public string? Password { get; set; }

    /// <summary>Gets or sets the database number (<c>CACHE_REDIS_DB</c>); a database in <see cref="Url"/> wins.</summary>
    /// <value>0.</value>
    public int Db { get; set; }

    /// <summary>Gets or sets a URL (<c>CACHE_REDIS_URL</c>): <c>redis://[:password@]host:port[/db]</c>, <c>rediss://...</c> (TLS) or
    /// <c>unix:///path/to.sock[?db=N]</c>; never logged.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Url { get; set; }

    /// <summary>Gets or sets a value indicating whether to connect with TLS (set by a <c>rediss://</c> URL).</summary>
    /// <value><see langword="false"/>.</value>
    public bool Ssl { get; set; }

    /// <summary>Gets or sets a PEM file of certificate authorities that server certificates must chain to (<c>Caching:Redis:SslCaCertificates</c>,
    /// or redis-py's <c>ssl_ca_certs</c> in the URL's query: <c>rediss://host:6380/0?ssl_ca_certs=/etc/redis/ca.pem</c>);
    /// <see langword="null"/> uses the system's trust store.</summary>
    /// <value><see langword="null"/>.</value>
    /// <remarks>The server's certificate must also name the host connected to (an IP address SAN for <c>rediss://127.0.0.1</c>).</remarks>
    public string? SslCaCertificates { get; set; }

    /// <summary>Gets or sets a value indicating whether to accept any server certificate, trusted or not, without checking its name
    /// (<c>Caching:Redis:SslAllowUntrustedCertificate</c>, or redis-py's <c>ssl_cert_reqs=none</c> in the URL's query).</summary>
    /// <value><see langword="false"/>.</value>
    /// <remarks><b>For development only</b>: the connection is encrypted but not authenticated, so anyone on the path can impersonate
    /// the server and read the password and every value. Prefer <see cref="SslCaCertificates"/> for a private authority.</remarks>
    public bool SslAllowUntrustedCertificate { get; set; }

    /// <summary>Gets extra client options (<c>Caching:Redis:Options</c>), passed to StackExchange.Redis's configuration by name, such as
    /// <c>connectTimeout = 2000</c>, <c>syncTimeout = 5000</c>, <c>keepAlive = 60</c>.</summary>
    public IDictionary<string, string> ClientOptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
