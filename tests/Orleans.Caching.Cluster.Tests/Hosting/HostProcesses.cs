using System.Diagnostics;
using System.Net;

namespace Orleans.Caching.Cluster.Tests.Hosting;

/// <summary>What every test that runs the silo host as an OS process does: start it with settings as command-line arguments and its
/// output captured, and poll its readiness endpoint.</summary>
internal static class HostProcesses
{
    /// <summary>Starts the host with <c>--key=value</c> arguments, without inherited ASP.NET Core URLs or pod address, capturing its output.</summary>
    public static Process Start(ProcessStartInfo start, IEnumerable<KeyValuePair<string, string>> settings, Action<string?> append)
    {
        foreach ((string key, string value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (string inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "POD_IP" })
        {
            start.Environment.Remove(inherited);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => append(e.Data);
        process.ErrorDataReceived += (_, e) => append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails at once if the process exits, and after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilReadyAsync(Process process, Uri dashboardUri, HttpClient http, TimeSpan timeout, string description, Func<string> output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{description} exited with code {process.ExitCode}:\n{output()}");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri(dashboardUri, "health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // The request timed out: not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{description} was not ready within {timeout}:\n{output()}");
    }
}
