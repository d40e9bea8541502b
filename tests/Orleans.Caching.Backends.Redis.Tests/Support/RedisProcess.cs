using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Caching.Tests.Support;

/// <summary>A real <c>redis-server</c> (or sentinel) on a free loopback port with its own temp directory; killed on dispose.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_readyDeadline = TimeSpan.FromSeconds(15);
    private readonly string _configFile;
    private Process? _process;

    private RedisProcess(string directory, int port, string config, string? password, string? unixSocket, TestCertificates? tls)
    {
        Directory = directory;
        Port = port;
        Password = password;
        UnixSocket = unixSocket;
        Tls = tls;
        _configFile = Path.Combine(directory, "redis.conf");
        File.WriteAllText(_configFile, config);
    }

    public string Directory { get; }

    public int Port { get; }

    public string? Password { get; }

    public string? UnixSocket { get; }

    /// <summary>Gets the certificates of a server that speaks only TLS (its <see cref="Port"/> is the TLS port), or <see langword="null"/>.</summary>
    public TestCertificates? Tls { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; <paramref name="extraConfig"/> lines are appended to a minimal config (no persistence). With
    /// <paramref name="tls"/> the server listens only with TLS (<c>port 0</c>, <c>tls-port</c>) and does not ask clients for certificates.</summary>
    public static async Task<RedisProcess> StartAsync(string directory, string? password = null, bool unixSocket = false, string extraConfig = "", bool sentinel = false, int? port = null, TestCertificates? tls = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        int chosen = port ?? FreePort();
        string? socket = unixSocket ? Path.Combine(directory, "redis.sock") : null;
        var config = new StringBuilder();
        if (tls is null)
        {
            config.AppendLine($"port {chosen}");
        }
        else
        {
            config.AppendLine("port 0")
                .AppendLine($"tls-port {chosen}")
                .AppendLine($"tls-cert-file {tls.CertificateFile}")
                .AppendLine($"tls-key-file {tls.KeyFile}")
                .AppendLine($"tls-ca-cert-file {tls.CaFile}")
                .AppendLine("tls-auth-clients no");
        }

        config
            .AppendLine("bind 127.0.0.1")
            .AppendLine($"dir {directory}")
            .AppendLine("save \"\"")
            .AppendLine("appendonly no")
            .AppendLine("protected-mode no")
            .AppendLine($"logfile {Path.Combine(directory, "redis.log")}");
        if (password is not null)
        {
            config.AppendLine($"requirepass {password}");
        }

        if (socket is not null)
        {
            config.AppendLine($"unixsocket {socket}").AppendLine("unixsocketperm 700");
        }

        config.Append(extraConfig);
        var server = new RedisProcess(directory, chosen, config.ToString(), password, socket, tls) { IsSentinel = sentinel };
        await server.StartAsync();
        return server;
    }

    public bool IsSentinel { get; private init; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts (or restarts) the process on the same port and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(RedisServerPath(), IsSentinel ? $"{_configFile} --sentinel" : _configFile)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow + s_readyDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode} on port {Port}: {ReadLog()}");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within {s_readyDeadline}: {ReadLog()}");
    }

    /// <summary>Kills the process and waits for it to exit (the port is free afterwards).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs <c>redis-cli</c> against this server (an independent client) and returns its trimmed output.</summary>
    public async Task<string> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo(RedisCliPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-h");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Password is not null)
        {
            start.Environment["REDISCLI_AUTH"] = Password;
        }

        if (Tls is not null)
        {
            start.ArgumentList.Add("--tls");
            start.ArgumentList.Add("--cacert");
            start.ArgumentList.Add(Tls.CaFile);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process cli = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        Task<string> output = cli.StandardOutput.ReadToEndAsync();
        Task<string> error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        string text = (await output).Trim();
        return cli.ExitCode == 0 ? text : throw new InvalidOperationException($"redis-cli {string.Join(' ', args)} failed: {text} {await error}");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static string RedisServerPath() => Binary("redis-server");

    internal static string RedisCliPath() => Binary("redis-cli");

    private static string Binary(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/bin").Append("/usr/local/bin"))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{name} is not installed: run ./test.sh (it installs redis-server) or apt-get install redis-server.");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await using Stream stream = Tls is null ? client.GetStream() : new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
            if (stream is SslStream ssl)
            {
                // Readiness only: the tests check certificate validation through the client under test.
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
            }

            string command = Password is null || IsSentinel ? "PING\r\n" : $"AUTH {Password}\r\nPING\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
            var buffer = new byte[256];
            var received = new StringBuilder();
            while (!received.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return false;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return true;
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    private string ReadLog()
    {
        string log = Path.Combine(Directory, "redis.log");
        return File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "(no log)";
    }
}
