namespace Orleans.Caching.Tests.Support;

/// <summary>A Sentinel set shared by the "RedisSentinel" collection: a master, one replica and three sentinels monitoring <c>mymaster</c> (quorum 2).</summary>
public sealed class RedisSentinelFixture : IAsyncLifetime
{
    public const string MasterName = "mymaster";

    private readonly TempDirectory _directory = new();

    public RedisProcess Master { get; private set; } = null!;

    public RedisProcess Replica { get; private set; } = null!;

    public IReadOnlyList<RedisProcess> Sentinels { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Master = await RedisProcess.StartAsync(Path.Combine(_directory.Path, "master"));
        Replica = await RedisProcess.StartAsync(Path.Combine(_directory.Path, "replica"), extraConfig: $"replicaof 127.0.0.1 {Master.Port}\n");
        var sentinels = new List<RedisProcess>();
        for (int i = 0; i < 3; i++)
        {
            string config = $"sentinel monitor {MasterName} 127.0.0.1 {Master.Port} 2\n"
                + $"sentinel down-after-milliseconds {MasterName} 2000\n"
                + $"sentinel failover-timeout {MasterName} 10000\n"
                + $"sentinel parallel-syncs {MasterName} 1\n";
            sentinels.Add(await RedisProcess.StartAsync(Path.Combine(_directory.Path, "sentinel" + i), extraConfig: config, sentinel: true));
        }

        Sentinels = sentinels;
        await WaitUntilAsync(async () => (await Master.CliAsync("INFO", "replication")).Contains("connected_slaves:1", StringComparison.Ordinal), "the replica to sync");
        await WaitUntilAsync(async () => (await Sentinels[0].CliAsync("SENTINEL", "replicas", MasterName)).Contains(Replica.Port.ToString(), StringComparison.Ordinal), "the sentinels to see the replica");
    }

    public async Task DisposeAsync()
    {
        foreach (RedisProcess sentinel in Sentinels)
        {
            await sentinel.DisposeAsync();
        }

        await Replica.DisposeAsync();
        await Master.DisposeAsync();
        _directory.Dispose();
    }

    public IEnumerable<string> SentinelEndpoints => Sentinels.Select(s => s.Endpoint);

    /// <summary>The master as the sentinels report it (<c>SENTINEL get-master-addr-by-name</c>), as host:port.</summary>
    public async Task<string> ReportedMasterAsync()
    {
        string[] lines = (await Sentinels[0].CliAsync("SENTINEL", "get-master-addr-by-name", MasterName)).Split('\n', StringSplitOptions.TrimEntries);
        return $"{lines[0]}:{lines[1]}";
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
    }
}

[CollectionDefinition(Name)]
public sealed class RedisSentinelCollection : ICollectionFixture<RedisSentinelFixture>
{
    public const string Name = "RedisSentinel";
}
