namespace Orleans.Caching;

/// <summary>Options of <see cref="RedisMembershipTable"/>: the server and the table's identity.</summary>
public sealed class RedisMembershipTableOptions
{
    /// <summary>Gets or sets the server's URL (<c>redis://[:password@]host:port[/db]</c>, <c>rediss://</c>, <c>unix://</c>); overrides
    /// <see cref="Host"/>, <see cref="Port"/> and <see cref="Password"/>. Never logged.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Url { get; set; }

    /// <summary>Gets or sets the server's host.</summary>
    /// <value><c>"localhost"</c>.</value>
    public string? Host { get; set; } = "localhost";

    /// <summary>Gets or sets the server's port.</summary>
    /// <value>6379.</value>
    public int Port { get; set; } = 6379;

    /// <summary>Gets or sets the password; never logged.</summary>
    /// <value><see langword="null"/>.</value>
    public string? Password { get; set; }

    /// <summary>Gets or sets the database number.</summary>
    /// <value>0.</value>
    public int Db { get; set; }

    /// <summary>Gets or sets the service the cluster belongs to (the first part of the hash key <c>{ServiceId}/members/{ClusterId}</c>).</summary>
    /// <value><c>"orleans-caching"</c>.</value>
    public string ServiceId { get; set; } = "orleans-caching";

    /// <summary>Gets or sets the cluster's identity (the last part of the hash key).</summary>
    /// <value><c>"default"</c>.</value>
    public string ClusterId { get; set; } = "default";
}
