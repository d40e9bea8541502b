using System.Text;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cluster;

/// <summary>Multi-key operations across hash slots, hash tags, and clear over every master, checked on each node with redis-cli.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterCacheTests(RedisClusterFixture cluster) : IDisposable
{
    private static CancellationToken None => CancellationToken.None;
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    [Fact]
    public async Task Multi_key_operations_across_slots_never_fail_with_CROSSSLOT()
    {
        RedisClusterCache cache = Cache();
        string[] keys = [.. Enumerable.Range(0, 60).Select(i => $"key{i}")];

        IReadOnlyList<string> stored = await cache.SetManyAsync([.. keys.Select(k => new KeyValuePair<string, ReadOnlyMemory<byte>>(k, Encoding.UTF8.GetBytes(k)))], 60, None);
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync([.. keys, "missing"], None);

        Assert.Equal(keys, stored);
        Assert.Equal([.. keys, null], values.Select(v => v is null ? null : Encoding.UTF8.GetString(v)));
        List<string> onNodes = await cluster.ScanAllAsync(_prefix);
        Assert.Equal(60, onNodes.Count);
        foreach (RedisProcess node in cluster.Nodes)
        {
            Assert.NotEqual("0", await node.CliAsync("DBSIZE"));
        }

        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(keys, None);
        Assert.Equal(keys, deleted);
        Assert.Empty(await cluster.ScanAllAsync(_prefix));
    }

    [Fact]
    public async Task Keys_with_one_hash_tag_land_in_one_slot()
    {
        RedisClusterCache cache = Cache();
        await cache.SetManyAsync([new("{user42}.name", "n"u8.ToArray()), new("{user42}.mail", "m"u8.ToArray())], 60, None);

        string first = await cluster.Nodes[0].CliAsync("CLUSTER", "KEYSLOT", _prefix + "{user42}.name");
        string second = await cluster.Nodes[0].CliAsync("CLUSTER", "KEYSLOT", _prefix + "{user42}.mail");
        Assert.Equal(first, second);
        Assert.Equal(["n", "m"], (await cache.GetManyAsync(["{user42}.name", "{user42}.mail"], None)).Select(v => Encoding.UTF8.GetString(v!)));
    }

    [Fact]
    public async Task Clear_with_a_prefix_scans_every_master()
    {
        RedisClusterCache cache = Cache();
        string other = "other-" + _prefix;
        await cluster.Nodes[0].CliAsync("-c", "SET", other, "keep");
        await cache.SetManyAsync([.. Enumerable.Range(0, 40).Select(i => new KeyValuePair<string, ReadOnlyMemory<byte>>($"c{i}", "v"u8.ToArray()))], 60, None);

        Assert.True(await cache.ClearAsync(None));

        Assert.Empty(await cluster.ScanAllAsync(_prefix));
        Assert.Equal("keep", await cluster.Nodes[0].CliAsync("-c", "GET", other));
    }

    [Fact]
    public async Task A_value_set_through_the_cluster_is_read_by_redis_cli_following_redirections()
    {
        RedisClusterCache cache = Cache();
        await cache.SetAsync("visible", "hello"u8.ToArray(), 60, None);
        Assert.Equal(1, await cache.IncrementAsync("count", 1, None));

        Assert.Equal("hello", await cluster.Nodes[1].CliAsync("-c", "GET", _prefix + "visible"));
        Assert.Equal("1", await cluster.Nodes[2].CliAsync("-c", "GET", _prefix + "count"));
    }

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());

    private RedisClusterCache Cache()
    {
        var cache = new RedisClusterCache(new RedisClusterCacheOptions { Url = $"redis://{cluster.Nodes[0].Endpoint}", KeyPrefix = _prefix });
        _caches.Add(cache);
        return cache;
    }
}
