using System.Diagnostics;
using System.Text;
using Orleans.Caching.Cluster.Tests.Hosting;

namespace Orleans.Caching.Cluster.Tests.MultiHost;

/// <summary>
/// The real silo host dll started inside a network namespace (<c>ip netns exec &lt;ns&gt; &lt;dotnet&gt; Orleans.Caching.Silo.Host.dll</c>),
/// listening on the namespace's address: the cluster protocol on <see cref="SiloPort"/>, the dashboard on <see cref="DashboardPort"/>.
/// <c>ip netns exec</c> replaces itself with the command, so the process is the silo itself. Disposal kills it if it still runs.
/// </summary>
internal sealed class NamespacedSiloProcess : IAsyncDisposable
{
    public const int SiloPort = 11111;

    public const int DashboardPort = 8080;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NamespacedSiloProcess(Process process, NamespaceHost host)
    {
        _process = process;
        Host = host;
    }

    public NamespaceHost Host { get; }

    public string Gateway => $"{Host.Address}:{SiloPort}";

    public Uri DashboardUri => new($"http://{Host.Address}:{DashboardPort}/");

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return $"--- silo {Host.Namespace} ({Host.Address}) output ---\n{_output}";
            }
        }
    }

    public static NamespacedSiloProcess Start(string ip, string dotnet, NamespaceHost host, IReadOnlyDictionary<string, string> settings)
    {
        string dll = SiloHostProcess.HostDll();
        var start = new ProcessStartInfo(ip)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (string argument in new[] { "netns", "exec", host.Namespace, dotnet, dll })
        {
            start.ArgumentList.Add(argument);
        }

        var all = new Dictionary<string, string>(settings)
        {
            ["Caching:Silo:Endpoint:ListenAddress"] = host.Address,
            ["Caching:Silo:Endpoint:AdvertisedAddress"] = host.Address,
            ["Caching:Silo:Endpoint:Port"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Caching:Silo:Dashboard:ListenAddress"] = host.Address,
            ["Caching:Silo:Dashboard:Port"] = DashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        NamespacedSiloProcess? started = null;
        Process process = HostProcesses.Start(start, all, line => started?.Append(line));
        started = new NamespacedSiloProcess(process, host);
        return started;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (bounded by <paramref name="timeout"/>).</summary>
    public Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
        => HostProcesses.WaitUntilReadyAsync(_process, DashboardUri, http, timeout, $"The silo in {Host.Namespace}", () => Output);

    /// <summary>Waits for the process to exit on its own (bounded by <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo in {Host.Namespace} did not exit within {timeout}:\n{Output}");
        }

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
