using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.MultiHost;

public sealed class NetworkNamespaceClusterTests : IClassFixture<NetworkNamespaceClusterFixture>
{
    private const int KeyCount = 40;
    private static readonly TimeSpan s_detection = TimeSpan.FromSeconds(15);

    private readonly NetworkNamespaceClusterFixture _fixture;

    public NetworkNamespaceClusterTests(NetworkNamespaceClusterFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Silos_on_three_hosts_share_one_port_and_a_host_cut_off_the_network_is_declared_dead_while_the_client_serves_every_key()
    {
        var cache = _fixture.Client.GetRequiredService<Cache>();
        ClusterClient client = _fixture.Client.GetRequiredService<ClusterCacheClient>().Client;
        MembershipTableSnapshot table = await _fixture.ReadTableAsync();

        // Three hosts, one port: each silo is an Active row with its own namespace's address and the same port 11111.
        Assert.Equal(
            _fixture.Silos.Select(s => s.Host.Address).Order(StringComparer.Ordinal),
            table.ActiveSilos().Select(s => s.Endpoint.Address.ToString()).Order(StringComparer.Ordinal));
        Assert.All(table.Entries, entry => Assert.Equal(NamespacedSiloProcess.SiloPort, entry.Silo.Endpoint.Port));
        Assert.Equal(NetworkNamespaceClusterFixture.SiloCount, client.CurrentView.ActiveSilos.Count);

        for (int i = 0; i < KeyCount; i++)
        {
            await cache.SetAsync(Key(i), i, timeout: 300);
        }

        for (int i = 0; i < KeyCount; i++)
        {
            Assert.Equal(i, await cache.GetAsync<int?>(Key(i)));
        }

        foreach (NamespacedSiloProcess silo in _fixture.Silos)
        {
            Assert.True(await ActivationsAsync(silo) > 0, $"Some keys should live on the silo at {silo.Gateway}.\n{_fixture.Output}");
        }

        // Pull the third host's cable: packets to and from it are dropped (no reset, no FIN), as when a host or its switch port dies.
        NamespacedSiloProcess cut = _fixture.Silos[^1];
        SiloAddress cutSilo = table.ActiveSilos().Single(s => s.Endpoint.Address.ToString() == cut.Host.Address);
        await _fixture.Network.SetLinkAsync(cut.Host, up: false);

        // The two others miss its probes and cast the two votes that declare it Dead (its lone votes against them are not enough).
        table = await _fixture.WaitForTableAsync(t => t.Find(cutSilo)?.Status == SiloStatus.Dead, s_detection, $"{cutSilo} Dead");
        Assert.Equal(NetworkNamespaceClusterFixture.SiloCount - 1, table.ActiveSilos().Count);
        Assert.DoesNotContain(cutSilo, table.ActiveSilos());
        await WaitForClientViewAsync(client, view => !view.ActiveSilos.Contains(cutSilo), "the client's view without the cut silo");

        // Every key is served by the two survivors: the cut silo's keys are reloaded from the shared storage, and writes succeed.
        for (int i = 0; i < KeyCount; i++)
        {
            Assert.Equal(i, await cache.GetAsync<int?>(Key(i)));
        }

        for (int i = 0; i < KeyCount; i++)
        {
            await cache.SetAsync(Key(i), i + 1000, timeout: 300);
        }

        for (int i = 0; i < KeyCount; i++)
        {
            Assert.Equal(i + 1000, await cache.GetAsync<int?>(Key(i)));
        }

        // The cut silo learns its fate without the network: the membership file is shared (only the network was cut), so it reads its own
        // Dead row, stops itself gracefully and exits 0 while still cut off. (With a Redis table on another host it would read the row
        // once reconnected and stop then.) Plugging the cable back in brings nothing back: the row stays Dead; a restart would join as
        // a new generation.
        int exitCode = await cut.WaitForExitAsync(s_detection);
        Assert.True(exitCode == 0, $"The silo declared dead exited with code {exitCode}:\n{cut.Output}");
        await _fixture.Network.SetLinkAsync(cut.Host, up: true);

        table = await _fixture.ReadTableAsync();
        Assert.Equal(SiloStatus.Dead, table.Find(cutSilo)?.Status);
        Assert.Equal(NetworkNamespaceClusterFixture.SiloCount - 1, table.ActiveSilos().Count);
        await cache.SetAsync("after-reconnect", "still serving", timeout: 300);
        Assert.Equal("still serving", await cache.GetAsync<string>("after-reconnect"));
    }

    private static string Key(int i) => "netns-key-" + i.ToString(CultureInfo.InvariantCulture);

    private static async Task WaitForClientViewAsync(ClusterClient client, Func<MembershipView, bool> condition, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(client.CurrentView))
        {
            Assert.True(deadline.Elapsed < s_detection, $"The client did not reach {what}; its view is version {client.CurrentView.Version}.");
            await Task.Delay(50);
        }
    }

    private async Task<int> ActivationsAsync(NamespacedSiloProcess silo)
        => (await _fixture.Http.GetFromJsonAsync<JsonElement>(new Uri(silo.DashboardUri, "dashboard/api/status"))).GetProperty("activations").GetInt32();
}
