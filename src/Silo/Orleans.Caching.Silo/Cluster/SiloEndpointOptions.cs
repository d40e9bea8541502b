namespace Orleans.Caching.Silo;

/// <summary>Where a cluster silo listens and how peers and clients reach it (the <c>Caching:Silo:Endpoint</c> section).</summary>
public sealed class SiloEndpointOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching:Silo:Endpoint";

    /// <summary>The default silo port.</summary>
    public const int DefaultPort = 11111;

    /// <summary>Gets or sets the TCP port of the cluster protocol; 0 picks a free port (tests).</summary>
    /// <value>11111.</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Gets or sets the address the listener binds.</summary>
    /// <value><c>0.0.0.0</c> (every IPv4 interface).</value>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>Gets or sets the address other silos and clients use to reach this silo, written to the membership table.</summary>
    /// <value><see langword="null"/>: the <c>POD_IP</c> environment variable (Kubernetes downward API); else the listen address when it is
    /// a specific address; else the host's first non-loopback IPv4 address; else 127.0.0.1.</value>
    public string? AdvertisedAddress { get; set; }
}
