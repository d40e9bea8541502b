namespace Orleans.Caching.Runtime;

/// <summary>
/// The <c>Caching:Cluster</c> section, shared by silos and clients: which cluster, how to prove membership of it, how to reach it
/// (clients), and the transport's limits and TLS. Both sides must agree on <see cref="ClusterId"/>, <see cref="Secret"/>, and TLS.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching:Cluster";

    /// <summary>Gets or sets the cluster id; a silo refuses connections that name another.</summary>
    /// <value><c>orleans-caching</c>.</value>
    public string ClusterId { get; set; } = "orleans-caching";

    /// <summary>Gets or sets the shared secret both sides prove they know (HMAC challenge–response; never sent, never logged).</summary>
    /// <value><see langword="null"/>: no proof (trusted networks only).</value>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the silos a client first contacts to learn the membership (<c>host:port</c>; DNS names allowed).</summary>
    /// <value>Empty. Clients need at least one; silos ignore it.</value>
    public IList<string> Gateways { get; set; } = [];

    /// <summary>Gets or sets how long a caller waits for a response before <see cref="GrainCallTimeoutException"/>.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a client keeps retrying a call that could not be delivered (connection lost, silo unavailable,
    /// not the owner) before it surfaces the error; only idempotent calls are retried after a lost connection.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan RetryDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long opening a connection (TCP, TLS and handshake) may take.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest frame body either side accepts; a larger frame closes the connection.</summary>
    /// <value><see cref="FrameReader.DefaultMaxBodyLength"/> (16 MiB + 64 KiB).</value>
    public int MaxFrameBodyLength { get; set; } = FrameReader.DefaultMaxBodyLength;

    /// <summary>Gets or sets how many bytes may wait to be sent on one connection; a peer that does not read them is disconnected.</summary>
    /// <value>64 MiB.</value>
    public long MaxPendingSendBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the TLS settings.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();
}
