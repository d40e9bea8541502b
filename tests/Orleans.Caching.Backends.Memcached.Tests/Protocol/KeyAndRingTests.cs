using System.Text;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching.Tests.Memcached.Protocol;

public sealed class KeyAndRingTests
{
    [Theory]
    [InlineData("plain-key", true)]
    [InlineData("ключ", true)]
    [InlineData("with space", false)]
    [InlineData("ctrl\u0001", false)]
    [InlineData("del\u007F", false)]
    public void Keys_are_sent_as_utf8_unless_memcached_would_reject_them(string key, bool asIs)
    {
        byte[] encoded = MemcachedKey.Encode(key);

        Assert.Equal(asIs, encoded.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(key)));
        Assert.True(MemcachedKey.IsValid(encoded));
    }

    [Fact]
    public void A_hashed_key_is_sha256_of_the_utf8_key_in_lower_case_hex()
    {
        string key = new('x', 251);

        string encoded = Encoding.ASCII.GetString(MemcachedKey.Encode(key));

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), encoded);
        Assert.Equal(new string('x', 250), Encoding.ASCII.GetString(MemcachedKey.Encode(new string('x', 250))));
    }

    [Fact]
    public void The_ring_spreads_keys_evenly_and_removing_a_server_moves_only_its_keys()
    {
        var three = new KetamaLocator(["10.0.0.1:11211", "10.0.0.2:11211", "10.0.0.3:11211"]);
        var two = new KetamaLocator(["10.0.0.1:11211", "10.0.0.2:11211"]);
        int[] counts = new int[3];
        int moved = 0;
        for (int i = 0; i < 30_000; i++)
        {
            byte[] key = Encoding.UTF8.GetBytes($"key:{i}");
            int owner = three.Locate(key);
            counts[owner]++;
            if (owner < 2 && two.Locate(key) != owner)
            {
                moved++;
            }
        }

        Assert.All(counts, c => Assert.InRange(c, 7_000, 13_000));
        Assert.Equal(0, moved);
    }

    [Theory]
    [InlineData("cache1:11212", "cache1:11212")]
    [InlineData("cache1", "cache1:11211")]
    [InlineData("[::1]:5000", "[::1]:5000")]
    [InlineData("/run/memcached.sock", "/run/memcached.sock")]
    [InlineData("unix:/run/memcached.sock", "/run/memcached.sock")]
    public void Server_addresses_parse_to_a_normalized_name(string text, string name)
        => Assert.Equal(name, MemcachedServerAddress.Parse(text).Name);

    [Theory]
    [InlineData("host:0")]
    [InlineData("::1")]
    [InlineData(":11211")]
    public void A_bad_server_address_is_a_FormatException(string text)
        => Assert.Throws<FormatException>(() => MemcachedServerAddress.Parse(text));
}
