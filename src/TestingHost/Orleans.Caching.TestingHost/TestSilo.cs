using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.TestingHost;

/// <summary>One silo of a <see cref="TestCluster"/>: its web host, its <see cref="ClusterSilo"/> and where to reach it.</summary>
public sealed class TestSilo
{
    internal TestSilo(TestSiloContext context, WebApplication host)
    {
        Context = context;
        Host = host;
        ClusterSilo = host.Services.GetRequiredService<ClusterSilo>();
    }

    /// <summary>Gets the silo's index and name.</summary>
    public TestSiloContext Context { get; }

    /// <summary>Gets the silo's name (<c>silo-{index}</c>).</summary>
    public string Name => Context.Name;

    /// <summary>Gets the silo's web host (its services, its lifetime).</summary>
    public WebApplication Host { get; }

    /// <summary>Gets the silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>Gets the cluster silo.</summary>
    public ClusterSilo ClusterSilo { get; }

    /// <summary>Gets the silo's address (endpoint and generation).</summary>
    public SiloAddress Address => ClusterSilo.Address;

    /// <summary>Gets the <c>host:port</c> clients use as a gateway.</summary>
    public string Gateway => Address.Endpoint.ToString();

    /// <summary>Gets the base address of the dashboard and health endpoints, or <see langword="null"/> when dashboards are disabled.</summary>
    public Uri? DashboardUri
        => Services.GetService<DashboardListener>()?.EndPoint is IPEndPoint { Port: > 0 } endpoint
            ? new Uri($"http://{endpoint}/")
            : null;

    /// <summary>Gets a value indicating whether the silo was stopped or killed by the cluster.</summary>
    public bool IsStopped { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({(ClusterSilo.Status == SiloStatus.None ? "starting" : Address.ToString())})";
}
