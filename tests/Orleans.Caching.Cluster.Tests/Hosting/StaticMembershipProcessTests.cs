using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Cluster.Tests.Hosting;

public sealed class StaticMembershipProcessTests
{
    private static readonly TimeSpan s_ready = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_silo_process_started_before_its_primary_waits_for_it_and_both_serve_one_cluster()
    {
        int primaryPort = SiloHostProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Caching:Cluster:ClusterId"] = "static-processes",
            ["Caching:Silo:Membership:Type"] = "Static",
            ["Caching:Silo:Membership:Seeds:0"] = "localhost:" + primaryPort.ToString(CultureInfo.InvariantCulture),
            ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.500",
            ["Caching:Silo:Membership:TableRefreshInterval"] = "00:00:01",
            ["Caching:Silo:Membership:IAmAliveInterval"] = "00:00:01",
            ["Caching:Silo:Host:ShutdownTimeout"] = "00:00:15",
            ["Logging:LogLevel:Default"] = "Information",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using SiloHostProcess secondary = SiloHostProcess.Start(settings);
        await WaitForOutputAsync(secondary, "did not answer (attempt");
        await using SiloHostProcess primary = SiloHostProcess.Start(settings, primaryPort);
        await primary.WaitUntilReadyAsync(http, s_ready);
        await secondary.WaitUntilReadyAsync(http, s_ready);
        await WaitForActiveAsync(http, 2, primary, secondary);
        Assert.Contains("is the membership primary", primary.Output, StringComparison.Ordinal);
        Assert.Contains("uses the membership table of the primary localhost:", secondary.Output, StringComparison.Ordinal);

        await using ServiceProvider client = ClientServices(primary.Gateway);
        var cache = client.GetRequiredService<Cache>();
        for (int i = 0; i < 30; i++)
        {
            await cache.SetAsync(Key(i), i);
        }

        Assert.Equal(7, await cache.GetAsync<int?>(Key(7)));

        await secondary.TerminateAsync();
        Assert.Equal(0, await secondary.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await WaitForActiveAsync(http, 1, primary);
        await cache.SetAsync("after-leave", "served");
        Assert.Equal("served", await cache.GetAsync<string>("after-leave"));
    }

    private static string Key(int i) => "static-key-" + i.ToString(CultureInfo.InvariantCulture);

    private static ServiceProvider ClientServices(string gateway)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = "static-processes",
            ["Caching:Cluster:Gateways:0"] = gateway,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private static async Task WaitForOutputAsync(SiloHostProcess silo, string text)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!silo.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(deadline.Elapsed < s_ready, $"The silo never logged '{text}':\n{silo.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForActiveAsync(HttpClient http, int expected, params SiloHostProcess[] silos)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            bool all = true;
            foreach (SiloHostProcess silo in silos)
            {
                JsonElement status = await http.GetFromJsonAsync<JsonElement>(new Uri(silo.DashboardUri, "dashboard/api/status"));
                all &= status.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Active") == expected;
            }

            if (all)
            {
                return;
            }

            Assert.True(deadline.Elapsed < s_ready, $"The silos did not see {expected} Active silo(s):\n{string.Join("\n---\n", silos.Select(s => s.Output))}");
            await Task.Delay(100);
        }
    }
}
