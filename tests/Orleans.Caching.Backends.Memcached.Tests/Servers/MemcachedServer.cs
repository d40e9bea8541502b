using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Caching.Tests.Servers;

/// <summary>A real <c>memcached</c> process on a free loopback port, started and stopped by the tests.</summary>
public sealed class MemcachedServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/memcached";
    private readonly string[] _extraArguments;
    private readonly string? _saslDirectory;
    private Process? _process;

    private MemcachedServer(int port, string[] extraArguments, string? saslDirectory)
    {
        Port = port;
        _extraArguments = extraArguments;
        _saslDirectory = saslDirectory;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a plain server (text protocol), with <c>-I</c> <paramref name="itemSize"/> when given.</summary>
    public static Task<MemcachedServer> StartPlainAsync(string? itemSize = null)
        => StartAsync(itemSize is null ? [] : ["-I", itemSize], null);

    /// <summary>Starts a SASL server (binary protocol) whose sasldb lives in <paramref name="sasl"/>.</summary>
    public static Task<MemcachedServer> StartSaslAsync(SaslDatabase sasl, string? itemSize = null)
        => StartAsync(itemSize is null ? ["-S", "-B", "binary"] : ["-S", "-B", "binary", "-I", itemSize], sasl.Directory);

    /// <summary>Kills the process (no goodbye) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private static async Task<MemcachedServer> StartAsync(string[] extraArguments, string? saslDirectory)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the 'memcached' package (./test.sh does it).");
        }

        var server = new MemcachedServer(FreePort(), extraArguments, saslDirectory);
        await server.LaunchAsync();
        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-l", "127.0.0.1", "-p", Port.ToString(), "-U", "0", "-m", "64", "-c", "256", .. _extraArguments])
        {
            start.ArgumentList.Add(argument);
        }

        if (Environment.IsPrivilegedProcess)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("root");
        }

        if (_saslDirectory is not null)
        {
            start.Environment["SASL_CONF_PATH"] = _saslDirectory;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("memcached did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"memcached exited with code {_process.ExitCode} at start (port {Port}).");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20); // polling the port for readiness, bounded by the deadline
            }
        }
    }
}
