using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;
using Orleans.Caching.Tests.Logging;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

/// <summary>get_many over the meta protocol: one pipelined exchange per server, results in the caller's order.</summary>
[Collection(TwoPlainServersCollection.Name)]
public sealed class MemcachedBatchReadTests(TwoPlainServersFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_200_key_get_many_over_two_servers_returns_every_value_in_order_in_one_exchange_per_server()
    {
        await using var cache = new MemcachedCache(new MemcachedCacheOptions { Servers = fixture.Addresses, KeyPrefix = $"batch{Guid.NewGuid():N}:" });
        string[] keys = Enumerable.Range(0, 200).Select(i => $"key-{i}").ToArray();
        string[] stored = keys.Where((_, i) => i % 4 != 3).ToArray();
        foreach (string key in stored)
        {
            Assert.True(await cache.SetAsync(key, Encoding.UTF8.GetBytes("value of " + key), 60, None));
        }

        string[] asked = keys.Reverse().Append("key-7").ToArray();
        int[] owned = CountOwners(cache, asked);
        long[] before = Exchanges(cache);

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(asked, None);

        Assert.All(owned, count => Assert.True(count > 0, "every server should own some of the keys"));
        Assert.Equal([1L, 1L], Exchanges(cache).Zip(before, (after, b) => after - b));
        Assert.Equal(asked.Length, values.Count);
        for (int i = 0; i < asked.Length; i++)
        {
            string? expected = stored.Contains(asked[i]) ? "value of " + asked[i] : null;
            Assert.Equal(expected, values[i] is { } value ? Encoding.UTF8.GetString(value) : null);
        }
    }

    [Fact]
    public async Task The_keys_of_a_dead_server_are_misses_while_the_live_server_answers()
    {
        string dead = $"127.0.0.1:{FreePort()}";
        var log = new ListLogger();
        await using var cache = new MemcachedCache(
            new MemcachedCacheOptions { Servers = [fixture.Servers[0].Address, dead], KeyPrefix = $"dead{Guid.NewGuid():N}:" },
            logger: new TypedLogger<MemcachedCache>(log));
        string[] keys = Enumerable.Range(0, 100).Select(i => $"key-{i}").ToArray();
        MemcachedNode live = cache.Client.Nodes[0];
        string[] onLive = keys.Where(key => cache.Client.Locate(MemcachedKey.Encode(cache.KeyPrefix + key)) == live).ToArray();
        foreach (string key in onLive)
        {
            Assert.True(await cache.SetAsync(key, Encoding.UTF8.GetBytes(key), 60, None));
        }

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(keys, None);

        Assert.InRange(onLive.Length, 1, keys.Length - 1);
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(onLive.Contains(keys[i]) ? keys[i] : null, values[i] is { } value ? Encoding.UTF8.GetString(value) : null);
        }

        LogEntry miss = Assert.Single(log.WithEventId(5006));
        Assert.Contains(dead, miss.Message, StringComparison.Ordinal);
        Assert.Contains($"{keys.Length - onLive.Length} keys", miss.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_batch_of_large_values_reads_completely()
    {
        await using var cache = new MemcachedCache(new MemcachedCacheOptions { Servers = [fixture.Servers[1].Address], KeyPrefix = $"large{Guid.NewGuid():N}:" });
        byte[] value = new byte[16 * 1024];
        new Random(3).NextBytes(value);
        string[] keys = Enumerable.Range(0, 400).Select(i => $"k{i}").ToArray();
        Assert.Equal(keys, await cache.SetManyAsync(keys.Select(k => new KeyValuePair<string, ReadOnlyMemory<byte>>(k, value)).ToArray(), 60, None));

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(keys, None);

        Assert.All(values, read => Assert.Equal(value, read));
    }

    internal static long[] Exchanges(MemcachedCache cache) => cache.Client.Nodes.Select(node => node.Exchanges).ToArray();

    private static int[] CountOwners(MemcachedCache cache, string[] keys)
    {
        var counts = new int[cache.Client.Nodes.Count];
        foreach (string key in keys)
        {
            counts[cache.Client.LocateIndex(MemcachedKey.Encode(cache.KeyPrefix + key))]++;
        }

        return counts;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
