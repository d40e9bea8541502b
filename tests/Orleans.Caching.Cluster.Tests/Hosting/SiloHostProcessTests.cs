using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Hosting;

public sealed class SiloHostProcessTests
{
    private static readonly TimeSpan s_ready = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Two_host_processes_serve_one_cluster_and_a_sigterm_stops_one_gracefully_while_the_other_serves()
    {
        using var folder = new TempDirectory();
        const string secret = "multi-process-secret";
        var settings = new Dictionary<string, string>
        {
            ["Caching:Cluster:ClusterId"] = "multi-process",
            ["Caching:Cluster:Secret"] = secret,
            ["Caching:Silo:Membership:Type"] = "File",
            ["Caching:Silo:Membership:Path"] = Path.Combine(folder.Path, "membership.json"),
            ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.500",
            ["Caching:Silo:Membership:TableRefreshInterval"] = "00:00:01",
            ["Caching:Silo:Membership:IAmAliveInterval"] = "00:00:01",
            ["Caching:Silo:Storage:Type"] = "FileSystemCache",
            ["Caching:Silo:Storage:Dir"] = Path.Combine(folder.Path, "storage"),
            ["Caching:Silo:Storage:Threshold"] = "0",
            ["Caching:Silo:Host:ShutdownTimeout"] = "00:00:15",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using SiloHostProcess first = SiloHostProcess.Start(settings);
        await first.WaitUntilReadyAsync(http, s_ready);
        await using SiloHostProcess second = SiloHostProcess.Start(settings);
        await second.WaitUntilReadyAsync(http, s_ready);
        await WaitForBothActiveAsync(http, first, second);

        var clientSettings = new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = "multi-process",
            ["Caching:Cluster:Secret"] = secret,
            ["Caching:Cluster:Gateways:0"] = first.Gateway,
            ["Caching:Cluster:Gateways:1"] = second.Gateway,
        };
        await using ServiceProvider client = ClientServices(clientSettings);
        var cache = client.GetRequiredService<Cache>();
        for (int i = 0; i < 40; i++)
        {
            await cache.SetAsync(Key(i), i, timeout: 300);
        }

        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(i, await cache.GetAsync<int?>(Key(i)));
        }

        Assert.True(await ActivationsAsync(http, first) > 0, "Some keys should live on the first silo.\n" + first.Output);
        Assert.True(await ActivationsAsync(http, second) > 0, "Some keys should live on the second silo.\n" + second.Output);

        await first.TerminateAsync();
        int exitCode = await first.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"The silo exited with code {exitCode} after SIGTERM:\n{first.Output}");
        for (int i = 0; i < 40; i++)
        {
            // Shared file storage: keys the stopped silo owned are reloaded by the survivor.
            Assert.Equal(i, await cache.GetAsync<int?>(Key(i)));
        }

        await cache.SetAsync("after-stop", "still serving", timeout: 300);
        Assert.Equal("still serving", await cache.GetAsync<string>("after-stop"));
        using HttpResponseMessage ready = await http.GetAsync(new Uri(second.DashboardUri, "health/ready"));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private static string Key(int i) => "process-key-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ServiceProvider ClientServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static async Task<int> ActivationsAsync(HttpClient http, SiloHostProcess silo)
        => (await http.GetFromJsonAsync<JsonElement>(new Uri(silo.DashboardUri, "dashboard/api/status"))).GetProperty("activations").GetInt32();

    private static async Task WaitForBothActiveAsync(HttpClient http, SiloHostProcess first, SiloHostProcess second)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            JsonElement a = await http.GetFromJsonAsync<JsonElement>(new Uri(first.DashboardUri, "dashboard/api/status"));
            JsonElement b = await http.GetFromJsonAsync<JsonElement>(new Uri(second.DashboardUri, "dashboard/api/status"));
            if (ActiveCount(a) == 2 && ActiveCount(b) == 2)
            {
                return;
            }

            Assert.True(deadline.Elapsed < s_ready, $"The two silos did not see each other Active:\n{a}\n{b}");
            await Task.Delay(100);
        }

        static int ActiveCount(JsonElement status) => status.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Active");
    }
}
