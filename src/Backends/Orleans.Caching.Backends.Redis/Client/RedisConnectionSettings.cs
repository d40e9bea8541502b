using System.Globalization;

namespace Orleans.Caching.Backends.Redis;

/// <summary>Where and how to connect: what <see cref="IRedisConnection"/> implementations need, independent of the client library.</summary>
internal sealed record RedisConnectionSettings
{
    /// <summary>Gets the servers (one for a plain server, the startup nodes of a cluster).</summary>
    public required IReadOnlyList<RedisEndpoint> Endpoints { get; init; }

    /// <summary>Gets the unix socket path, when connecting through one (then <see cref="Endpoints"/> is empty).</summary>
    public string? UnixSocketPath { get; init; }

    /// <summary>Gets the password; never logged.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the database number.</summary>
    public int Db { get; init; }

    /// <summary>Gets a value indicating whether to use TLS.</summary>
    public bool Ssl { get; init; }

    /// <summary>Gets a PEM file of trusted certificate authorities, or <see langword="null"/> for the system store.</summary>
    public string? SslCaCertificates { get; init; }

    /// <summary>Gets a value indicating whether any server certificate is accepted (development only).</summary>
    public bool SslAllowUntrusted { get; init; }

    /// <summary>Gets a value indicating whether the servers form a Redis Cluster (multi-key commands are split by slot).</summary>
    public bool IsCluster { get; init; }

    /// <summary>Gets a value indicating whether the servers are replicas to read from (reads prefer a replica; the client finds no master).</summary>
    public bool ReadFromReplica { get; init; }

    /// <summary>Gets extra client options by name.</summary>
    public IReadOnlyDictionary<string, string> ClientOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Describes the target for messages and logs, without the password: <c>redis://127.0.0.1:6379/0</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        string db = Db.ToString(CultureInfo.InvariantCulture);
        if (UnixSocketPath is not null)
        {
            return $"unix://{UnixSocketPath}?db={db}";
        }

        string scheme = Ssl ? "rediss" : "redis";
        return IsCluster
            ? $"{scheme}-cluster://{string.Join(',', Endpoints)}"
            : $"{scheme}://{string.Join(',', Endpoints)}/{db}";
    }
}
