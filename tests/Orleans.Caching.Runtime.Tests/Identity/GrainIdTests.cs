using System.Net;

namespace Orleans.Caching.Runtime.Tests.Identity;

public sealed class GrainIdTests
{
    [Fact]
    public void Equal_type_and_key_give_equal_ids_and_hashes()
    {
        GrainId a = GrainId.Create("cache-entry", "user:42");
        GrainId b = GrainId.Create("cache-entry", "user:" + 42);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.UniformHash, b.UniformHash);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Type_and_key_both_distinguish_ids()
    {
        GrainId entry = GrainId.Create("cache-entry", "k");
        Assert.NotEqual(entry, GrainId.Create("memoize-version", "k"));
        Assert.NotEqual(entry, GrainId.Create("cache-entry", "K"));
        Assert.NotEqual(entry.UniformHash, GrainId.Create("cache-entry", "K").UniformHash);
    }

    [Fact]
    public void The_uniform_hash_is_a_pure_function_of_the_text()
    {
        // Same inputs, same result in any process: the value is derived from XXH64 only.
        GrainId id = GrainId.Create("cache-entry", "abc");
        Assert.Equal(StableHash.Combine(StableHash.Hash("cache-entry"), StableHash.Hash("abc")), id.UniformHash);
        Assert.Equal("cache-entry/abc", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\ntype")]
    public void Invalid_type_names_are_rejected(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new GrainType(name));
    }

    [Fact]
    public void Silo_addresses_round_trip_through_text_and_differ_by_generation()
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111), 7);
        Assert.Equal("127.0.0.1:11111@7", silo.ToString());
        Assert.Equal(silo, SiloAddress.Parse(silo.ToString()));
        Assert.NotEqual(silo, new SiloAddress(silo.Endpoint, 8));
        var v6 = SiloAddress.Parse("[::1]:30000@3");
        Assert.Equal(IPAddress.IPv6Loopback, v6.Endpoint.Address);
        Assert.Equal(v6, SiloAddress.Parse(v6.ToString()));
    }

    [Theory]
    [InlineData("127.0.0.1:11111")]
    [InlineData("127.0.0.1:11111@0")]
    [InlineData("localhost:11111@1")]
    [InlineData("127.0.0.1@1")]
    [InlineData("@1")]
    public void Malformed_silo_addresses_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => SiloAddress.Parse(text));
    }
}
