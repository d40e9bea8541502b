namespace Orleans.Caching.Silo;

/// <summary>
/// The <c>Caching:Silo:Dashboard</c> section: the silo's second HTTP endpoint, serving <c>/health/live</c>, <c>/health/ready</c>,
/// <c>/dashboard</c> and <c>/dashboard/api/*</c>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching:Silo:Dashboard";

    /// <summary>The default HTTP port of the dashboard and health endpoints.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Gets or sets a value indicating whether the endpoint is served.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the HTTP port; 0 picks a free port (tests).</summary>
    /// <value><see cref="DefaultPort"/> (8080).</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Gets or sets the address to listen on.</summary>
    /// <value><c>0.0.0.0</c> (every IPv4 interface, as probes from a kubelet or a container runtime need).</value>
    /// <remarks>The page can read and write cache keys; expose it only on a trusted network.</remarks>
    public string ListenAddress { get; set; } = "0.0.0.0";
}
