using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.TestingHost;

/// <summary>
/// An in-process Orleans.Caching cluster: each silo is its own <see cref="WebApplication"/> on <c>127.0.0.1</c> with a free port, with
/// its own services, all sharing one <see cref="InMemoryMembershipTable"/>. Start with <see cref="DeployAsync"/>; dispose to stop everything.
/// </summary>
public sealed partial class TestCluster : IAsyncDisposable
{
    private readonly TestClusterBuilder _builder;
    private readonly List<TestSilo> _silos = [];
    private readonly Lock _lock = new();
    private ServiceProvider? _clientServices;
    private readonly int _primaryPort;
    private int _nextIndex;

    internal TestCluster(TestClusterBuilder builder)
    {
        _builder = builder;
        _primaryPort = builder.UseStaticMembership ? FreeLoopbackPort() : 0;
    }

    /// <summary>Gets the membership table every silo shares (unused with <see cref="TestClusterBuilder.UseStaticMembership"/>, where the
    /// first silo holds the table).</summary>
    public InMemoryMembershipTable MembershipTable { get; } = new();

    /// <summary>Gets the cluster id.</summary>
    public string ClusterId => _builder.ClusterId;

    /// <summary>Gets the silos that are running (started and neither stopped nor killed), in start order.</summary>
    public IReadOnlyList<TestSilo> Silos
    {
        get
        {
            lock (_lock)
            {
                return _silos.Where(s => !s.IsStopped).ToArray();
            }
        }
    }

    /// <summary>Gets the running silos' <c>host:port</c> endpoints, for a client's <c>Caching:Cluster:Gateways</c>.</summary>
    public IReadOnlyList<string> Gateways => Silos.Select(s => s.Gateway).ToArray();

    /// <summary>Starts <see cref="TestClusterBuilder.InitialSilosCount"/> silos (the first alone, then the others together) and waits until the cluster is stable.</summary>
    /// <param name="timeout">How long to wait for a stable view; <see langword="null"/> for 30 seconds.</param>
    /// <returns>A task that completes when every silo is Active in one agreed view.</returns>
    public async Task DeployAsync(TimeSpan? timeout = null)
    {
        await StartSiloAsync().ConfigureAwait(false);
        var others = new Task<TestSilo>[_builder.InitialSilosCount - 1];
        for (int i = 0; i < others.Length; i++)
        {
            others[i] = StartSiloAsync();
        }

        await Task.WhenAll(others).ConfigureAwait(false);
        await WaitForStableAsync(timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Starts one more silo and waits until it is Active.</summary>
    /// <returns>The silo.</returns>
    public Task<TestSilo> StartAdditionalSiloAsync() => StartSiloAsync();

    /// <summary>Kills a silo abruptly: no goodbye, connections dropped; its peers must detect it.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>A task that completes when the silo's process-side resources are released.</returns>
    public async Task KillSiloAsync(TestSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        MarkStopped(silo);
        await silo.ClusterSilo.KillAsync().ConfigureAwait(false);
        await silo.Host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await silo.Host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops a silo gracefully (ShuttingDown, hand-over, Dead), as SIGTERM would.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>A task that completes when the silo has left.</returns>
    public async Task StopSiloAsync(TestSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        MarkStopped(silo);
        await silo.Host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await silo.Host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Creates the settings of a cache client of this cluster: <c>Caching:Type = Cluster</c>, its cluster id and secret, the
    /// running silos as gateways, and short retry and connect limits for tests.</summary>
    /// <returns>A new dictionary each time (add or override entries freely).</returns>
    public Dictionary<string, string?> CreateClientSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = ClusterId,
            ["Caching:Cluster:RetryDeadline"] = "00:00:10",
            ["Caching:Cluster:ConnectTimeout"] = "00:00:02",
        };
        if (_builder.Secret is not null)
        {
            settings["Caching:Cluster:Secret"] = _builder.Secret;
        }

        IReadOnlyList<string> gateways = Gateways;
        for (int i = 0; i < gateways.Count; i++)
        {
            settings[$"Caching:Cluster:Gateways:{i}"] = gateways[i];
        }

        return settings;
    }

    /// <summary>Creates the services of a cache client of this cluster (<c>Caching:Type = Cluster</c>, the running silos as gateways).</summary>
    /// <param name="configure">Adds or overrides client settings.</param>
    /// <returns>The client's services (dispose them); resolve <see cref="Cache"/>.</returns>
    public ServiceProvider CreateClientServices(Action<IDictionary<string, string?>>? configure = null)
    {
        Dictionary<string, string?> settings = CreateClientSettings();
        configure?.Invoke(settings);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddOrleansCaching(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Gets a cache client of this cluster, created on first use with the silos running then as gateways.</summary>
    public Cache Client
    {
        get
        {
            lock (_lock)
            {
                _clientServices ??= CreateClientServices();
            }

            return _clientServices.GetRequiredService<Cache>();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync().ConfigureAwait(false);
        }

        foreach (TestSilo silo in Silos.Reverse())
        {
            MarkStopped(silo);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await silo.Host.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
            {
                // Disposal goes on: a silo that cannot leave in time is abandoned with its host.
            }

            await silo.Host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void MarkStopped(TestSilo silo)
    {
        lock (_lock)
        {
            if (!_silos.Contains(silo) || silo.IsStopped)
            {
                throw new InvalidOperationException($"{silo.Name} is not a running silo of this cluster.");
            }

            silo.IsStopped = true;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
