using System.Globalization;

namespace Orleans.Caching.Tests.Memoize;

public sealed class CachingIdentityTests
{
    private readonly record struct Point(int X, int Y);

    private struct Plain
    {
        public int X { get; set; }
    }

    [Fact]
    public void A_caching_id_beats_an_overridden_to_string()
        => Assert.Equal("5", CachingIdentity.Of(new IdentifiedAdder(5)));

    [Fact]
    public void An_overridden_to_string_is_the_identity()
        => Assert.Equal("Adder(5)", CachingIdentity.Of(new NamedAdder(5)));

    [Fact]
    public void Per_object_identity_differs_between_equal_looking_objects_and_is_stable_while_the_object_lives()
    {
        var first = new Widget { Value = 1 };
        var second = new Widget { Value = 1 };
        string token = CachingIdentity.Of(first);
        Assert.Matches("^<Orleans\\.Caching\\.Tests\\.Memoize\\.Widget object at 0x[0-9a-f]+>$", token);
        Assert.NotEqual(token, CachingIdentity.Of(second));
        first.Value = 2;
        GC.Collect();
        Assert.Equal(token, CachingIdentity.Of(first));
    }

    [Fact]
    public void Per_object_identities_are_unique_among_many_live_objects()
    {
        var objects = Enumerable.Range(0, 10_000).Select(_ => new Widget()).ToList();
        Assert.Equal(objects.Count, objects.Select(CachingIdentity.Of).Distinct().Count());
    }

    [Fact]
    public void Formattable_values_use_the_invariant_culture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("01/02/2024 00:00:00", CachingIdentity.Of(new DateTime(2024, 1, 2)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Structs_are_identified_by_their_value()
    {
        Assert.Equal(CachingIdentity.Of(new Point(1, 2)), CachingIdentity.Of(new Point(1, 2)));
        Assert.Equal(CachingIdentity.Of(new Plain { X = 1 }), CachingIdentity.Of(new Plain { X = 1 }));
        Assert.NotEqual(CachingIdentity.Of(new Plain { X = 1 }), CachingIdentity.Of(new Plain { X = 2 }));
    }
}
