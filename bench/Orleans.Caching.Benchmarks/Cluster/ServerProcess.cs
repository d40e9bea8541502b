using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Caching.Benchmarks.Cluster;

/// <summary>
/// A server the cluster benchmark starts as a separate OS process (<c>redis-server</c>, the silo host) on a free loopback port. Disposal
/// kills the process tree; so does the benchmark process's exit or Ctrl+C, so no server outlives a run.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string? _workingDirectory;

    private ServerProcess(Process process, int port, string? ownedWorkingDirectory)
    {
        _process = process;
        Port = port;
        _workingDirectory = ownedWorkingDirectory;
    }

    public int Port { get; }

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

    /// <summary>Starts <c>redis-server</c> without persistence in a temporary directory.</summary>
    public static ServerProcess StartRedis()
    {
        int port = FreePort();
        string directory = Directory.CreateTempSubdirectory("orleans-caching-bench-redis-").FullName;
        var start = new ProcessStartInfo("redis-server") { WorkingDirectory = directory };
        foreach (string argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        return Start(start, port, directory);
    }

    /// <summary>Starts the silo host's dll (built beside this benchmark by a project reference) with <paramref name="settings"/> on the command line.</summary>
    public static ServerProcess StartSiloHost(IReadOnlyDictionary<string, string> settings)
    {
        string dll = SiloHostDll();
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--Caching:Silo:Endpoint:Port={port.ToString(CultureInfo.InvariantCulture)}");
        start.ArgumentList.Add("--Caching:Silo:Endpoint:ListenAddress=127.0.0.1");
        start.ArgumentList.Add("--Caching:Silo:Endpoint:AdvertisedAddress=127.0.0.1");
        foreach ((string key, string value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (string inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "POD_IP" })
        {
            start.Environment.Remove(inherited);
        }

        return Start(start, port, null);
    }

    /// <summary>Polls until the port accepts connections (bounded by <paramref name="timeout"/>).</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"{_process.StartInfo.FileName} did not listen on port {Port} within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        if (_workingDirectory is not null)
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
    }

    private static ServerProcess Start(ProcessStartInfo start, int port, string? ownedWorkingDirectory)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, port, ownedWorkingDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        Console.CancelKeyPress += (_, _) => server.Kill();
        return server;
    }

    private static string SiloHostDll()
    {
        // This benchmark runs from bench/<project>/bin/<Configuration>/<tfm>/; the host was built to src/Silo/<host>/bin/<Configuration>/<tfm>/.
        var outputDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = outputDirectory.Name;
        string configuration = outputDirectory.Parent!.Name;
        DirectoryInfo? root = outputDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.Caching.sln")))
        {
            root = root.Parent;
        }

        string dll = root is null ? string.Empty : Path.Combine(root.FullName, "src", "Silo", "Orleans.Caching.Silo.Host", "bin", configuration, framework, "Orleans.Caching.Silo.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The silo host is not built beside {AppContext.BaseDirectory} (expected {dll}).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
