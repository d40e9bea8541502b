using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Caching.Tests.Support;

/// <summary>A Redis Cluster of three masters built with <c>redis-cli --cluster create</c>, shared by the "RedisCluster" collection.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public IReadOnlyList<RedisProcess> Nodes { get; private set; } = [];

    public string NodeList => string.Join(',', Nodes.Select(n => n.Endpoint));

    public async Task InitializeAsync()
    {
        var nodes = new List<RedisProcess>();
        for (int i = 0; i < 3; i++)
        {
            int port = FreeClusterPort();
            string config = "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 5000\n";
            nodes.Add(await RedisProcess.StartAsync(Path.Combine(_directory.Path, "node" + i), extraConfig: config, port: port));
        }

        Nodes = nodes;
        var create = new ProcessStartInfo(RedisProcess.RedisCliPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        create.ArgumentList.Add("--cluster");
        create.ArgumentList.Add("create");
        foreach (RedisProcess node in nodes)
        {
            create.ArgumentList.Add(node.Endpoint);
        }

        create.ArgumentList.Add("--cluster-replicas");
        create.ArgumentList.Add("0");
        create.ArgumentList.Add("--cluster-yes");
        using (Process cli = Process.Start(create)!)
        {
            Task<string> output = cli.StandardOutput.ReadToEndAsync();
            Task<string> error = cli.StandardError.ReadToEndAsync();
            await cli.WaitForExitAsync();
            if (cli.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-cli --cluster create failed: {await output} {await error}");
            }
        }

        foreach (RedisProcess node in nodes)
        {
            await RedisSentinelFixture.WaitUntilAsync(async () => (await node.CliAsync("CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal), $"cluster_state:ok on {node.Endpoint}");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (RedisProcess node in Nodes)
        {
            await node.DisposeAsync();
        }

        _directory.Dispose();
    }

    /// <summary>Keys on every node whose name starts with <paramref name="prefix"/> (redis-cli <c>--scan</c> on each).</summary>
    public async Task<List<string>> ScanAllAsync(string prefix)
    {
        var keys = new List<string>();
        foreach (RedisProcess node in Nodes)
        {
            string output = await node.CliAsync("--scan", "--pattern", prefix + "*");
            keys.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return keys;
    }

    /// <summary>A port that is free along with its cluster bus port (port + 10000).</summary>
    private static int FreeClusterPort()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            int port = Random.Shared.Next(20000, 50000);
            if (IsFree(port) && IsFree(port + 10000))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free port pair for a cluster node.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "RedisCluster";
}
