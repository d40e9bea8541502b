using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.TestingHost;

/// <summary>
/// Describes an in-process test cluster: how many silos, their settings (per silo), the cluster secret, shared storage, and membership
/// timings short enough for tests. <see cref="Build"/> returns a <see cref="TestCluster"/>; <see cref="TestCluster.DeployAsync"/> starts it.
/// </summary>
public sealed class TestClusterBuilder
{
    private readonly List<Action<TestSiloContext, IDictionary<string, string?>>> _settings = [];
    private readonly List<Action<TestSiloContext, IConfigurationBuilder>> _configuration = [];
    private readonly List<Action<TestSiloContext, IServiceCollection>> _services = [];

    /// <summary>Gets or sets how many silos <see cref="TestCluster.DeployAsync"/> starts.</summary>
    /// <value>3.</value>
    public int InitialSilosCount { get; set; } = 3;

    /// <summary>Gets or sets the cluster id.</summary>
    /// <value>A fresh <c>test-…</c> id per builder.</value>
    public string ClusterId { get; set; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Gets or sets the cluster secret silos and clients prove they know.</summary>
    /// <value><see langword="null"/> (no proof).</value>
    public string? Secret { get; set; }

    /// <summary>Gets or sets a folder all silos store grains in (a shared <c>FileSystemCache</c>), so state survives ownership changes.</summary>
    /// <value><see langword="null"/>: each silo keeps the default in-memory storage.</value>
    public string? SharedStorageDirectory { get; set; }

    /// <summary>Gets or sets a value indicating whether each silo serves its dashboard and health endpoints (on a free loopback port).</summary>
    /// <value><see langword="false"/>.</value>
    public bool EnableDashboards { get; set; }

    /// <summary>Gets or sets a value indicating whether the silos use development membership (<c>Caching:Silo:Membership:Type = Static</c>)
    /// instead of one shared in-memory table: the first silo listens on a fixed free port and is the primary that holds the table; the
    /// others reach it at <see cref="StaticPrimaryHost"/>.</summary>
    /// <value><see langword="false"/>.</value>
    public bool UseStaticMembership { get; set; }

    /// <summary>Gets or sets the host name or IP address of the primary in <c>Caching:Silo:Membership:Seeds:0</c> (a DNS name such as
    /// <c>localhost</c> is resolved) when <see cref="UseStaticMembership"/> is set.</summary>
    /// <value><c>127.0.0.1</c>.</value>
    public string StaticPrimaryHost { get; set; } = "127.0.0.1";

    /// <summary>Adds settings to every silo (after the builder's own test defaults, so they win).</summary>
    /// <param name="configure">Receives the silo and its settings (configuration keys such as <c>Caching:Silo:MaxMemoryBytes</c>).</param>
    /// <returns>The builder.</returns>
    public TestClusterBuilder ConfigureSilo(Action<TestSiloContext, IDictionary<string, string?>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _settings.Add(configure);
        return this;
    }

    /// <summary>Adds configuration sources to every silo (after the settings).</summary>
    /// <param name="configure">Receives the silo and its configuration builder.</param>
    /// <returns>The builder.</returns>
    public TestClusterBuilder ConfigureSiloConfiguration(Action<TestSiloContext, IConfigurationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configuration.Add(configure);
        return this;
    }

    /// <summary>Adds services to every silo before the silo's own (so they win over its TryAdd registrations).</summary>
    /// <param name="configure">Receives the silo and its services.</param>
    /// <returns>The builder.</returns>
    public TestClusterBuilder ConfigureSiloServices(Action<TestSiloContext, IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _services.Add(configure);
        return this;
    }

    /// <summary>Creates the cluster (nothing starts until <see cref="TestCluster.DeployAsync"/>).</summary>
    /// <returns>The cluster.</returns>
    public TestCluster Build()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InitialSilosCount);
        return new TestCluster(this);
    }

    internal IReadOnlyList<Action<TestSiloContext, IDictionary<string, string?>>> Settings => _settings;

    internal IReadOnlyList<Action<TestSiloContext, IConfigurationBuilder>> Configuration => _configuration;

    internal IReadOnlyList<Action<TestSiloContext, IServiceCollection>> Services => _services;

    /// <summary>The settings every test silo starts from: loopback, free ports, in-memory membership with short timings.</summary>
    internal Dictionary<string, string?> DefaultSettings(TestSiloContext context, int primaryPort)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Caching:Cluster:ClusterId"] = ClusterId,
            ["Caching:Cluster:Secret"] = Secret,
            ["Caching:Cluster:ConnectTimeout"] = "00:00:02",
            ["Caching:Silo:Endpoint:Port"] = "0",
            ["Caching:Silo:Endpoint:ListenAddress"] = "127.0.0.1",
            ["Caching:Silo:Endpoint:AdvertisedAddress"] = "127.0.0.1",
            ["Caching:Silo:Membership:Type"] = "InMemory",
            ["Caching:Silo:Membership:IAmAliveInterval"] = "00:00:01",
            ["Caching:Silo:Membership:TableRefreshInterval"] = "00:00:01",
            ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.200",
            ["Caching:Silo:Membership:ProbeTimeout"] = "00:00:00.200",
            ["Caching:Silo:Membership:MissedProbesLimit"] = "2",
            ["Caching:Silo:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Caching:Silo:Membership:DeathVoteExpiration"] = "00:00:10",
            ["Caching:Silo:Membership:JoinTimeout"] = "00:00:10",
            ["Caching:Silo:Dashboard:Enabled"] = EnableDashboards ? "true" : "false",
            ["Caching:Silo:Dashboard:Port"] = "0",
            ["Caching:Silo:Dashboard:ListenAddress"] = "127.0.0.1",
            ["Caching:Silo:Host:ShutdownTimeout"] = "00:00:10",
        };
        if (UseStaticMembership)
        {
            settings["Caching:Silo:Membership:Type"] = "Static";
            settings["Caching:Silo:Membership:Seeds:0"] = StaticPrimaryHost + ":" + primaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Index == 0)
            {
                settings["Caching:Silo:Endpoint:Port"] = primaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (SharedStorageDirectory is not null)
        {
            settings["Caching:Silo:Storage:Type"] = "FileSystemCache";
            settings["Caching:Silo:Storage:Dir"] = SharedStorageDirectory;
            settings["Caching:Silo:Storage:Threshold"] = "0";
        }

        if (Secret is null)
        {
            settings.Remove("Caching:Cluster:Secret");
        }

        return settings;
    }
}
