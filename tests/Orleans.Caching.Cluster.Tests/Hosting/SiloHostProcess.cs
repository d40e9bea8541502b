using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Caching.Cluster.Tests.Hosting;

/// <summary>
/// The silo host (<c>Orleans.Caching.Silo.Host.dll</c>, built beside this test project) running as a separate <c>dotnet</c> process on
/// free loopback ports. Disposal kills the process tree if it is still running.
/// </summary>
internal sealed class SiloHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloHostProcess(Process process, int siloPort, int dashboardPort)
    {
        _process = process;
        SiloPort = siloPort;
        DashboardPort = dashboardPort;
    }

    public int SiloPort { get; }

    public int DashboardPort { get; }

    public string Gateway => $"127.0.0.1:{SiloPort}";

    public Uri DashboardUri => new($"http://127.0.0.1:{DashboardPort}/");

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SiloHostProcess Start(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        string dll = HostDll();
        int siloPort = port ?? FreePort();
        int dashboardPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        var all = new Dictionary<string, string>(settings)
        {
            ["Caching:Silo:Endpoint:Port"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Caching:Silo:Endpoint:ListenAddress"] = "127.0.0.1",
            ["Caching:Silo:Endpoint:AdvertisedAddress"] = "127.0.0.1",
            ["Caching:Silo:Dashboard:Port"] = dashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Caching:Silo:Dashboard:ListenAddress"] = "127.0.0.1",
        };
        SiloHostProcess? started = null;
        Process process = HostProcesses.Start(start, all, line => started?.Append(line));
        started = new SiloHostProcess(process, siloPort, dashboardPort);
        return started;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (bounded by <paramref name="timeout"/>).</summary>
    public Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
        => HostProcesses.WaitUntilReadyAsync(_process, DashboardUri, http, timeout, $"The silo host on port {SiloPort}", () => Output);

    /// <summary>Sends SIGTERM (a graceful stop, as an orchestrator does; <see cref="Process.Kill()"/> would be SIGKILL).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    internal static string HostDll()
    {
        // The test assembly runs from tests/<project>/bin/<Configuration>/<tfm>/; the host was built to src/Silo/<host>/bin/<Configuration>/<tfm>/.
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testDir.Name;
        string configuration = testDir.Parent!.Name;
        DirectoryInfo? root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.Caching.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, $"Orleans.Caching.sln not found above {AppContext.BaseDirectory}.");
        string dll = Path.Combine(root!.FullName, "src", "Silo", "Orleans.Caching.Silo.Host", "bin", configuration, framework, "Orleans.Caching.Silo.Host.dll");
        Assert.True(File.Exists(dll), $"The silo host is not built at {dll} (the test project builds it through a project reference).");
        return dll;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
