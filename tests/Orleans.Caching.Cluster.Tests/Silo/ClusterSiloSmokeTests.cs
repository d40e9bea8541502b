using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Cluster.Tests.Silo;

public sealed class ClusterSiloSmokeTests
{
    [Fact]
    public async Task Two_silos_join_and_each_routes_grain_calls_to_the_owner()
    {
        var table = new InMemoryMembershipTable();
        await using WebApplication a = await StartSiloAsync(table);
        await using WebApplication b = await StartSiloAsync(table);
        ClusterSilo siloA = a.Services.GetRequiredService<ClusterSilo>();
        ClusterSilo siloB = b.Services.GetRequiredService<ClusterSilo>();
        await WaitUntilAsync(() => siloA.Membership.CurrentView.ActiveSilos.Count == 2 && siloB.Membership.CurrentView.ActiveSilos.Count == 2);

        IGrainFactory factoryA = a.Services.GetRequiredService<IGrainFactory>();
        IGrainFactory factoryB = b.Services.GetRequiredService<IGrainFactory>();
        for (int i = 0; i < 40; i++)
        {
            Assert.True(await factoryA.GetGrain<ICacheEntryGrain>("k" + i).SetAsync([(byte)i], null, CancellationToken.None));
        }

        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(new byte[] { (byte)i }, await factoryB.GetGrain<ICacheEntryGrain>("k" + i).GetAsync(CancellationToken.None));
        }

        Assert.True(siloA.Runtime.ActivationCount > 0);
        Assert.True(siloB.Runtime.ActivationCount > 0);
        Assert.Equal(40, siloA.Runtime.ActivationCount + siloB.Runtime.ActivationCount);
    }

    internal static async Task<WebApplication> StartSiloAsync(IMembershipTable table)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Silo:Endpoint:Port"] = "0",
            ["Caching:Silo:Endpoint:ListenAddress"] = "127.0.0.1",
            ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.200",
            ["Caching:Silo:Membership:ProbeTimeout"] = "00:00:00.200",
            ["Caching:Silo:Membership:TableRefreshInterval"] = "00:00:01",
            ["Caching:Silo:Membership:IAmAliveInterval"] = "00:00:01",
        });
        builder.Services.AddSingleton(table);
        builder.AddOrleansCachingSilo();
        WebApplication app = builder.Build();
        await app.StartAsync();
        return app;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
