using System.Net;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class MembershipViewTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_active_silos_own_grains_and_the_owner_matches_rendezvous_placement()
    {
        SiloAddress a = Silo(1001), b = Silo(1002), joining = Silo(1003), dead = Silo(1004);
        var view = new MembershipView(new MembershipTableSnapshot(7, [Row(a, SiloStatus.Active), Row(joining, SiloStatus.Joining), Row(b, SiloStatus.Active), Row(dead, SiloStatus.Dead)]));

        Assert.Equal(7, view.Version);
        Assert.Equal([a, b], view.ActiveSilos);
        Assert.True(view.IsActive(b));
        Assert.False(view.IsActive(joining));
        Assert.Equal(SiloStatus.Dead, view.GetStatus(dead));
        Assert.Equal(SiloStatus.None, view.GetStatus(Silo(1005)));
        for (int i = 0; i < 50; i++)
        {
            GrainId grain = GrainId.Create("cache-entry", "k" + i);
            SiloAddress? owner = view.SelectOwner(grain);
            Assert.Equal(RendezvousPlacement.SelectOwner(grain, [a, b]), owner);
        }
    }

    [Fact]
    public void An_empty_view_has_no_owner()
        => Assert.Null(MembershipView.Empty.SelectOwner(GrainId.Create("cache-entry", "k")));

    private static SiloAddress Silo(int port) => new(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static MembershipEntry Row(SiloAddress silo, SiloStatus status)
        => new() { Silo = silo, Status = status, StartTime = s_now, IAmAliveTime = s_now };
}
