using System.Diagnostics;

namespace Orleans.Caching.Cluster.Tests.MultiHost;

/// <summary>Runs iproute2's <c>ip</c> (as root) and finds the <c>dotnet</c> host, failing with a clear message when either is missing.</summary>
internal static class IpCommand
{
    private static readonly string[] s_ipCandidates = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"];

    /// <summary>Gets the full path of <c>ip</c>; fails the test when it is missing or the test does not run as root.</summary>
    public static string RequirePath()
    {
        Assert.True(
            Environment.IsPrivilegedProcess,
            "The network namespace tests create a bridge, veth pairs and namespaces with `ip`, which needs root. Run the tests as root (CI does).");
        string? ip = s_ipCandidates.FirstOrDefault(File.Exists) ?? FindOnPath("ip");
        Assert.True(ip is not null, "The network namespace tests need iproute2's `ip` (apt-get install iproute2); it is not on PATH nor in /usr/sbin or /sbin.");
        return ip!;
    }

    /// <summary>Gets the full path of the <c>dotnet</c> host running this test (so <c>ip netns exec</c> needs no PATH lookup).</summary>
    public static string DotnetPath()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        // The test host may be an apphost (testhost); the SDK tells its children where the muxer is.
        foreach (string? candidate in new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Combine(root, "dotnet") : null,
            FindOnPath("dotnet"),
        })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        Assert.Fail($"The dotnet host was not found (process {current}, DOTNET_HOST_PATH, DOTNET_ROOT and PATH tried).");
        return string.Empty;
    }

    /// <summary>Runs <c>ip</c> with <paramref name="arguments"/> and returns its standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(string ip, params string[] arguments)
    {
        (int exitCode, string output, string error) = await TryRunAsync(ip, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`ip {string.Join(' ', arguments)}` failed with exit code {exitCode}: {error.Trim()}");
        }

        return output;
    }

    /// <summary>Runs <c>ip</c> with <paramref name="arguments"/> and returns its exit code and output (bounded by 10 seconds).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(string ip, params string[] arguments)
    {
        var start = new ProcessStartInfo(ip)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string? FindOnPath(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
