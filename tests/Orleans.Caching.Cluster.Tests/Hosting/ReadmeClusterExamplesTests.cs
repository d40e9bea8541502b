using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Hosting;

// The README's "Cluster mode" examples, run as written (the gateways point at a test cluster instead of silo1/silo2).
public sealed class ReadmeClusterExamplesTests
{
    private const string AppSettings = """
        {
          "Caching": {
            "Type": "Cluster",
            "Cluster": {
              "ClusterId": "orleans-caching",
              "Secret": "the same long random value as the silos",
              "Gateways": [ "silo1:11111", "silo2:11111" ]
            }
          }
        }
        """;

    [Fact]
    public async Task An_application_configured_by_the_readme_appsettings_is_a_client_of_the_cluster()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 2, ClusterId = "orleans-caching", Secret = "the same long random value as the silos" }.Build();
        await cluster.DeployAsync();
        JsonNode settings = JsonNode.Parse(AppSettings)!;
        settings["Caching"]!["Cluster"]!["Gateways"] = new JsonArray([.. cluster.Gateways.Select(g => JsonValue.Create(g))]);
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(settings.ToJsonString()))).Build();
        var services = new ServiceCollection();
        services.AddLogging();

        services.AddOrleansCaching(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        var cache = provider.GetRequiredService<Cache>();
        await cache.SetAsync("greeting", "hello", timeout: 60);

        Assert.Equal("hello", await cache.GetAsync<string>("greeting"));
        Assert.Equal("hello", await cluster.Client.GetAsync<string>("greeting"));
        Assert.True(provider.GetRequiredService<ClusterCacheClient>().IsStarted);
    }

    [Fact]
    public async Task The_readme_test_cluster_example_runs_as_written()
    {
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 3 }.Build();
        await cluster.DeployAsync();

        Cache cache = cluster.Client;
        await cache.SetAsync("k", "v");
        await cluster.KillSiloAsync(cluster.Silos[0]);
        await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForStableAsync(TimeSpan.FromSeconds(20));
        await using ServiceProvider app = cluster.CreateClientServices(settings => settings["Caching:DefaultTimeout"] = "60");

        Assert.Equal(3, cluster.Silos.Count);
        var appCache = app.GetRequiredService<Cache>();
        await appCache.SetAsync("after", "restart");
        Assert.Equal("restart", await cache.GetAsync<string>("after"));
        Assert.Equal(60, appCache.Backend.DefaultTimeout);
    }
}
