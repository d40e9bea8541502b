using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.MultiHost;

/// <summary>
/// Three silo host processes on three simulated hosts (<see cref="NetworkNamespaces"/>), every one on port 11111 of its own address,
/// sharing a <c>File</c> membership table and <c>FileSystemCache</c> storage in one temp folder (namespaces isolate the network, not
/// the file system), with short failure-detection timings; and a <c>Cluster</c> cache client in the test's (root) namespace whose
/// gateways are the three addresses. Fails (never skips) when <c>ip</c> is missing or the test does not run as root.
/// </summary>
public sealed class NetworkNamespaceClusterFixture : IAsyncLifetime
{
    public const int SiloCount = 3;

    private static readonly TimeSpan s_ready = TimeSpan.FromSeconds(40);

    private readonly TempDirectory _folder = new();
    private readonly List<NamespacedSiloProcess> _silos = [];
    private NetworkNamespaces? _network;
    private ServiceProvider? _client;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(2) };

    public string ClusterId { get; } = "netns-" + Guid.NewGuid().ToString("N")[..8];

    internal NetworkNamespaces Network => _network ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal IReadOnlyList<NamespacedSiloProcess> Silos => _silos;

    internal string TablePath => Path.Combine(_folder.Path, "membership.json");

    internal ServiceProvider Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Gets every silo's captured output (for failure messages).</summary>
    internal string Output
    {
        get
        {
            var text = new StringBuilder();
            foreach (NamespacedSiloProcess silo in _silos)
            {
                text.AppendLine(silo.Output);
            }

            return text.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        string ip = IpCommand.RequirePath();
        string dotnet = IpCommand.DotnetPath();
        try
        {
            _network = await NetworkNamespaces.CreateAsync(ip, SiloCount);
            foreach (NamespaceHost host in _network.Hosts)
            {
                _silos.Add(NamespacedSiloProcess.Start(ip, dotnet, host, SiloSettings()));
            }

            await Task.WhenAll(_silos.Select(silo => silo.WaitUntilReadyAsync(Http, s_ready)));
            await WaitForTableAsync(table => table.ActiveSilos().Count == SiloCount, s_ready, $"{SiloCount} Active silos");
            _client = ClientServices();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the shared membership file as the silos see it.</summary>
    internal Task<MembershipTableSnapshot> ReadTableAsync()
        => new FileMembershipTable(new FileMembershipTableOptions { Path = TablePath }, TimeProvider.System).ReadAllAsync(CancellationToken.None);

    /// <summary>Polls the membership file until <paramref name="condition"/> holds (bounded by <paramref name="timeout"/>).</summary>
    internal async Task<MembershipTableSnapshot> WaitForTableAsync(Func<MembershipTableSnapshot, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            MembershipTableSnapshot table = await ReadTableAsync();
            if (condition(table))
            {
                return table;
            }

            if (deadline.Elapsed > timeout)
            {
                string rows = string.Join("\n", table.Entries.Select(e => $"  {e.Silo} {e.Status} votes={e.Suspicions.Count}"));
                throw new TimeoutException($"The membership table did not reach {what} within {timeout}; version {table.Version}:\n{rows}\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        var failures = new List<Exception>();
        if (_client is { } client)
        {
            _client = null;
            await client.DisposeAsync();
        }

        foreach (NamespacedSiloProcess silo in _silos)
        {
            await silo.DisposeAsync();
        }

        _silos.Clear();
        if (_network is { } network)
        {
            _network = null;
            try
            {
                await network.DisposeAsync();
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex);
            }
        }

        Http.Dispose();
        _folder.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }

    private Dictionary<string, string> SiloSettings() => new()
    {
        ["Caching:Cluster:ClusterId"] = ClusterId,
        ["Caching:Cluster:Secret"] = "network-namespace-secret",
        ["Caching:Silo:Membership:Type"] = "File",
        ["Caching:Silo:Membership:Path"] = TablePath,
        ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.400",
        ["Caching:Silo:Membership:ProbeTimeout"] = "00:00:00.400",
        ["Caching:Silo:Membership:MissedProbesLimit"] = "2",
        ["Caching:Silo:Membership:TableRefreshInterval"] = "00:00:00.500",
        ["Caching:Silo:Membership:IAmAliveInterval"] = "00:00:01",
        ["Caching:Silo:Membership:DeathVoteExpiration"] = "00:00:20",
        ["Caching:Silo:Membership:JoinTimeout"] = "00:00:20",
        ["Caching:Silo:Storage:Type"] = "FileSystemCache",
        ["Caching:Silo:Storage:Dir"] = Path.Combine(_folder.Path, "storage"),
        ["Caching:Silo:Storage:Threshold"] = "0",
        ["Caching:Silo:Host:ShutdownTimeout"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private ServiceProvider ClientServices()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = ClusterId,
            ["Caching:Cluster:Secret"] = "network-namespace-secret",
            ["Caching:Cluster:ResponseTimeout"] = "00:00:05",
            ["Caching:Cluster:RetryDeadline"] = "00:00:05",
            ["Caching:Cluster:ConnectTimeout"] = "00:00:02",
        };
        for (int i = 0; i < _silos.Count; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Caching:Cluster:Gateways:{i}")] = _silos[i].Gateway;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
