using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Cluster.Tests.Silo;

public sealed class ClusterSiloFailureTests
{
    [Fact]
    public async Task A_killed_silo_is_declared_dead_and_its_keys_are_served_by_the_survivors()
    {
        var table = new InMemoryMembershipTable();
        await using WebApplication a = await ClusterSiloSmokeTests.StartSiloAsync(table);
        await using WebApplication b = await ClusterSiloSmokeTests.StartSiloAsync(table);
        await using WebApplication c = await ClusterSiloSmokeTests.StartSiloAsync(table);
        ClusterSilo siloA = a.Services.GetRequiredService<ClusterSilo>();
        ClusterSilo siloC = c.Services.GetRequiredService<ClusterSilo>();
        await ClusterSiloSmokeTests.WaitUntilAsync(() => siloA.Membership.CurrentView.ActiveSilos.Count == 3 && siloC.Membership.CurrentView.ActiveSilos.Count == 3);
        IGrainFactory factoryA = a.Services.GetRequiredService<IGrainFactory>();
        for (int i = 0; i < 30; i++)
        {
            Assert.True(await factoryA.GetGrain<ICacheEntryGrain>("k" + i).SetAsync([(byte)i], null, CancellationToken.None));
        }

        SiloAddress victim = c.Services.GetRequiredService<ClusterSilo>().Address;
        await siloC.KillAsync();

        await ClusterSiloSmokeTests.WaitUntilAsync(() => siloA.Membership.CurrentView.GetStatus(victim) == SiloStatus.Dead);
        MembershipTableSnapshot snapshot = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, snapshot.Find(victim)!.Status);
        Assert.Equal(2, siloA.Membership.CurrentView.ActiveSilos.Count);
        for (int i = 0; i < 30; i++)
        {
            // Values on the dead silo lived in its memory only (in-memory storage per silo), so only the calls must succeed.
            Assert.True(await factoryA.GetGrain<ICacheEntryGrain>("k" + i).SetAsync([(byte)(i + 1)], null, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_gracefully_stopped_silo_leaves_as_dead_and_the_others_keep_serving()
    {
        var table = new InMemoryMembershipTable();
        await using WebApplication a = await ClusterSiloSmokeTests.StartSiloAsync(table);
        WebApplication b = await ClusterSiloSmokeTests.StartSiloAsync(table);
        ClusterSilo siloA = a.Services.GetRequiredService<ClusterSilo>();
        ClusterSilo siloB = b.Services.GetRequiredService<ClusterSilo>();
        await ClusterSiloSmokeTests.WaitUntilAsync(() => siloA.Membership.CurrentView.ActiveSilos.Count == 2);
        SiloAddress leaving = siloB.Address;

        await b.StopAsync();
        await b.DisposeAsync();

        Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(CancellationToken.None)).Find(leaving)!.Status);
        await ClusterSiloSmokeTests.WaitUntilAsync(() => siloA.Membership.CurrentView.ActiveSilos.Count == 1);
        IGrainFactory factoryA = a.Services.GetRequiredService<IGrainFactory>();
        for (int i = 0; i < 20; i++)
        {
            Assert.True(await factoryA.GetGrain<ICacheEntryGrain>("k" + i).SetAsync([1], null, CancellationToken.None));
        }

        Assert.Equal(20, siloA.Runtime.ActivationCount);
    }
}
