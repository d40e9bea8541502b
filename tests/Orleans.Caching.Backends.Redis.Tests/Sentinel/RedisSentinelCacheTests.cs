using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Sentinel;

/// <summary>Reads from a replica, writes to the master, and a forced failover (<c>SENTINEL FAILOVER</c>) that the cache survives.</summary>
[Collection(RedisSentinelCollection.Name)]
public sealed class RedisSentinelCacheTests(RedisSentinelFixture sentinels) : IDisposable
{
    private static CancellationToken None => CancellationToken.None;
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    [Fact]
    public async Task Writes_go_to_the_master_and_reads_to_the_replica()
    {
        RedisSentinelCache cache = Cache(readFromReplicas: true);
        string master = await sentinels.ReportedMasterAsync();
        RedisProcess replica = master == sentinels.Master.Endpoint ? sentinels.Replica : sentinels.Master;
        Assert.True(await cache.SetAsync("k", "v"u8.ToArray(), 60, None));
        Assert.Equal(master, cache.CurrentMaster);
        await RedisSentinelFixture.WaitUntilAsync(async () => await replica.CliAsync("GET", _prefix + "k") == "v", "replication of k");

        // Right after another test's failover the sentinels may report no healthy replica yet; reads keep asking them (throttled).
        var connection = (Orleans.Caching.Backends.Redis.SentinelRedisConnection)cache.Connection;
        await RedisSentinelFixture.WaitUntilAsync(async () => (await cache.GetAsync("k", None)) is not null && connection.CurrentReplica is not null, "a replica to be in use");

        long before = GetCalls(await replica.CliAsync("INFO", "commandstats"));
        Assert.Equal("v"u8.ToArray(), await cache.GetAsync("k", None));
        long after = GetCalls(await replica.CliAsync("INFO", "commandstats"));

        Assert.True(after > before, $"the replica served no GET (calls {before} -> {after}, replica in use: {((Orleans.Caching.Backends.Redis.SentinelRedisConnection)cache.Connection).CurrentReplica ?? "none"})");
    }

    [Fact]
    public async Task The_cache_keeps_serving_after_a_forced_failover()
    {
        RedisSentinelCache cache = Cache(readFromReplicas: false);
        Assert.True(await cache.SetAsync("before", "1"u8.ToArray(), 0, None));
        string oldMaster = await sentinels.ReportedMasterAsync();
        RedisProcess oldMasterProcess = oldMaster == sentinels.Master.Endpoint ? sentinels.Master : sentinels.Replica;
        RedisProcess newMasterProcess = oldMaster == sentinels.Master.Endpoint ? sentinels.Replica : sentinels.Master;
        await RedisSentinelFixture.WaitUntilAsync(async () => await newMasterProcess.CliAsync("GET", _prefix + "before") == "1", "replication before the failover");

        Assert.Equal("OK", await sentinels.Sentinels[0].CliAsync("SENTINEL", "failover", RedisSentinelFixture.MasterName));
        await RedisSentinelFixture.WaitUntilAsync(async () => await sentinels.ReportedMasterAsync() != oldMaster, "the sentinels to report a new master");
        await RedisSentinelFixture.WaitUntilAsync(async () => (await newMasterProcess.CliAsync("ROLE")).StartsWith("master", StringComparison.Ordinal), "the new master to take the role");
        await RedisSentinelFixture.WaitUntilAsync(async () => (await oldMasterProcess.CliAsync("ROLE")).StartsWith("slave", StringComparison.Ordinal), "the old master to become a replica");

        Assert.True(await cache.SetAsync("after", "2"u8.ToArray(), 0, None));
        Assert.Equal(newMasterProcess.Endpoint, cache.CurrentMaster);
        Assert.Equal("2", await newMasterProcess.CliAsync("GET", _prefix + "after"));
        Assert.Equal("1"u8.ToArray(), await cache.GetAsync("before", None));
        Assert.Equal(2, await cache.IncrementAsync("before", 1, None));
    }

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());

    private static long GetCalls(string commandStats)
    {
        foreach (string line in commandStats.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("cmdstat_get:calls=", StringComparison.Ordinal))
            {
                return long.Parse(line["cmdstat_get:calls=".Length..line.IndexOf(',', StringComparison.Ordinal)]);
            }
        }

        return 0;
    }

    private RedisSentinelCache Cache(bool readFromReplicas)
    {
        var options = new RedisSentinelCacheOptions { SentinelMaster = RedisSentinelFixture.MasterName, ReadFromReplicas = readFromReplicas, KeyPrefix = _prefix };
        foreach (string sentinel in sentinels.SentinelEndpoints)
        {
            options.Sentinels.Add(sentinel);
        }

        var cache = new RedisSentinelCache(options);
        _caches.Add(cache);
        return cache;
    }
}
