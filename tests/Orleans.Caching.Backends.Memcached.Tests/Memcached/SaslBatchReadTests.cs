using System.Text;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

/// <summary>get_many over the binary protocol (GETKQ ... NOOP) on a SASL server, and the spread backend's chunk reads.</summary>
[Collection(SaslServerCollection.Name)]
public sealed class SaslBatchReadTests(SaslServerFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_binary_get_many_returns_hits_misses_and_repeated_keys_in_one_exchange()
    {
        await using var cache = new SASLMemcachedCache(new SASLMemcachedCacheOptions
        {
            Servers = fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password, KeyPrefix = $"b{Guid.NewGuid():N}:",
        });
        for (int i = 0; i < 50; i += 2)
        {
            Assert.True(await cache.SetAsync($"k{i}", Encoding.UTF8.GetBytes($"v{i}"), 60, None));
        }

        string[] asked = [.. Enumerable.Range(0, 50).Select(i => $"k{i}"), "k4", "k4"];
        long before = cache.Client.Nodes[0].Exchanges;

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(asked, None);

        Assert.Equal(1, cache.Client.Nodes[0].Exchanges - before);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(i % 2 == 0 ? $"v{i}" : null, values[i] is { } value ? Encoding.UTF8.GetString(value) : null);
        }

        Assert.Equal("v4"u8.ToArray(), values[50]);
        Assert.Equal("v4"u8.ToArray(), values[51]);
    }

    [Fact]
    public async Task A_spread_get_many_reads_first_chunks_then_all_other_chunks_in_two_exchanges()
    {
        await using var cache = new SpreadSASLMemcachedCache(new SpreadSASLMemcachedCacheOptions
        {
            Servers = fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password, KeyPrefix = $"s{Guid.NewGuid():N}:", ChunkSize = 1024,
        });
        var random = new Random(11);
        byte[] big = new byte[5000];
        byte[] bigger = new byte[20_000];
        random.NextBytes(big);
        random.NextBytes(bigger);
        Assert.True(await cache.SetAsync("big", big, 60, None));
        Assert.True(await cache.SetAsync("small", "tiny"u8.ToArray(), 60, None));
        Assert.True(await cache.SetAsync("bigger", bigger, 60, None));
        long before = cache.Client.Nodes[0].Exchanges;

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(["bigger", "missing", "small", "big"], None);

        Assert.Equal(2, cache.Client.Nodes[0].Exchanges - before);
        Assert.Equal(bigger, values[0]);
        Assert.Null(values[1]);
        Assert.Equal("tiny"u8.ToArray(), values[2]);
        Assert.Equal(big, values[3]);
        Assert.Equal(big, await cache.GetAsync("big", None));
    }
}
