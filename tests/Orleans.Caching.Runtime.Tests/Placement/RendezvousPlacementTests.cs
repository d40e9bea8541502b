using System.Net;

namespace Orleans.Caching.Runtime.Tests.Placement;

public sealed class RendezvousPlacementTests
{
    private static SiloAddress Silo(int port, int generation = 1) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    private static GrainId Key(int i) => GrainId.Create("cache-entry", "key-" + i);

    [Fact]
    public void No_silos_means_no_owner()
    {
        Assert.Null(RendezvousPlacement.SelectOwner(Key(1), []));
    }

    [Fact]
    public void The_owner_does_not_depend_on_the_order_of_the_view()
    {
        SiloAddress[] silos = [Silo(1), Silo(2), Silo(3), Silo(4)];
        SiloAddress[] reversed = silos.Reverse().ToArray();
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(RendezvousPlacement.SelectOwner(Key(i), silos), RendezvousPlacement.SelectOwner(Key(i), reversed));
        }
    }

    [Fact]
    public void Keys_spread_evenly_over_three_silos()
    {
        SiloAddress[] silos = [Silo(11111), Silo(11112), Silo(11113)];
        const int Keys = 30_000;
        var counts = silos.ToDictionary(s => s, _ => 0);
        for (int i = 0; i < Keys; i++)
        {
            counts[RendezvousPlacement.SelectOwner(Key(i), silos)!]++;
        }

        foreach (int count in counts.Values)
        {
            Assert.InRange(count, Keys / 3 * 0.9, Keys / 3 * 1.1);
        }
    }

    [Fact]
    public void Adding_a_silo_moves_only_the_keys_it_now_owns()
    {
        SiloAddress[] before = [Silo(1), Silo(2), Silo(3)];
        SiloAddress added = Silo(4);
        SiloAddress[] after = [.. before, added];
        int moved = 0;
        const int Keys = 20_000;
        for (int i = 0; i < Keys; i++)
        {
            SiloAddress oldOwner = RendezvousPlacement.SelectOwner(Key(i), before)!;
            SiloAddress newOwner = RendezvousPlacement.SelectOwner(Key(i), after)!;
            if (!oldOwner.Equals(newOwner))
            {
                Assert.Equal(added, newOwner);
                moved++;
            }
        }

        Assert.InRange(moved, Keys / 4 * 0.9, Keys / 4 * 1.1);
    }

    [Fact]
    public void Removing_a_silo_moves_only_the_keys_it_owned()
    {
        SiloAddress[] before = [Silo(1), Silo(2), Silo(3), Silo(4)];
        SiloAddress[] after = [before[0], before[1], before[3]];
        for (int i = 0; i < 5000; i++)
        {
            SiloAddress oldOwner = RendezvousPlacement.SelectOwner(Key(i), before)!;
            if (!oldOwner.Equals(before[2]))
            {
                Assert.Equal(oldOwner, RendezvousPlacement.SelectOwner(Key(i), after));
            }
        }
    }

    [Fact]
    public void A_restarted_silo_is_a_different_owner_candidate()
    {
        SiloAddress first = Silo(1, generation: 1);
        SiloAddress restarted = Silo(1, generation: 2);
        int differences = Enumerable.Range(0, 2000)
            .Count(i => RendezvousPlacement.Score(Key(i).UniformHash, first.UniformHash) != RendezvousPlacement.Score(Key(i).UniformHash, restarted.UniformHash));
        Assert.Equal(2000, differences);
    }
}
