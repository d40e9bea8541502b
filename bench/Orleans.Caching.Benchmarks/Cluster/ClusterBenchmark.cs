using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using StackExchange.Redis;

namespace Orleans.Caching.Benchmarks.Cluster;

/// <summary>
/// Cluster GET-hit and SET throughput and latency side by side with Redis, in one run: starts <c>redis-server</c> (no persistence) and ONE
/// silo host process (InMemory membership, WriteThrough persistence to an in-memory SimpleCache whose threshold is raised to 100,000 so the
/// 1,000 keys all stay, dashboard off) on loopback, writes 1,000 keys of 100 bytes to both, then for each concurrency runs, for N seconds
/// each: Redis (StackExchange.Redis, one multiplexer), the raw cluster client (<see cref="ICacheEntryGrain"/> references), and the <c>Cache</c>
/// facade's backend (<c>Caching:Type = Cluster</c>, <see cref="ICacheBackend"/> bytes API: the lowest-overhead public path).
/// </summary>
internal static class ClusterBenchmark
{
    private const int KeyCount = 1_000;
    private const int ValueLength = 100;

    public static async Task RunAsync(TimeSpan duration, IReadOnlyList<int> concurrencies, string? only)
    {
        ServerProcess? redis = null;
        ServerProcess? silo = null;
        try
        {
            redis = ServerProcess.StartRedis();
            silo = ServerProcess.StartSiloHost(new Dictionary<string, string>
            {
                ["Caching:Silo:Membership:Type"] = "InMemory",
                ["Caching:Silo:Persistence"] = "WriteThrough",
                ["Caching:Silo:Storage:Type"] = "SimpleCache",
                ["Caching:Silo:Storage:Threshold"] = "100000",
                ["Caching:Silo:Dashboard:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
            await redis.WaitUntilListeningAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await silo.WaitUntilListeningAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            await RunAgainstAsync(redis.Port, silo.Port, duration, concurrencies, only).ConfigureAwait(false);
        }
        finally
        {
            if (silo is not null)
            {
                await silo.DisposeAsync().ConfigureAwait(false);
            }

            if (redis is not null)
            {
                await redis.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task RunAgainstAsync(int redisPort, int siloPort, TimeSpan duration, IReadOnlyList<int> concurrencies, string? only)
    {
        string[] keys = new string[KeyCount];
        var redisKeys = new RedisKey[KeyCount];
        for (int i = 0; i < KeyCount; i++)
        {
            keys[i] = "bench:" + i.ToString("D4", CultureInfo.InvariantCulture);
            redisKeys[i] = keys[i];
        }

        byte[] value = new byte[ValueLength];
        Random.Shared.NextBytes(value);

        using ConnectionMultiplexer multiplexer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        IDatabase redis = multiplexer.GetDatabase();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:Gateways:0"] = $"127.0.0.1:{siloPort.ToString(CultureInfo.InvariantCulture)}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddOrleansCaching(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ICacheBackend backend = provider.GetRequiredService<Cache>().Backend;
        IGrainFactory grains = provider.GetRequiredService<ClusterCacheClient>().GrainFactory;
        var entries = new ICacheEntryGrain[KeyCount];
        for (int i = 0; i < KeyCount; i++)
        {
            entries[i] = grains.GetGrain<ICacheEntryGrain>(keys[i]);
            await redis.StringSetAsync(redisKeys[i], value).ConfigureAwait(false);
            await backend.SetAsync(keys[i], value, null, CancellationToken.None).ConfigureAwait(false);
        }

        await VerifyAsync(redis, redisKeys[0], entries[0], backend, keys[0]).ConfigureAwait(false);
        var targets = new (string Name, Func<int, long, ValueTask> Get, Func<int, long, ValueTask> Set)[]
        {
            ("redis", (w, n) => new ValueTask(redis.StringGetAsync(redisKeys[Key(w, n)])), (w, n) => new ValueTask(redis.StringSetAsync(redisKeys[Key(w, n)], value))),
            ("cluster-grain", (w, n) => Discard(entries[Key(w, n)].GetAsync(CancellationToken.None)), (w, n) => Discard(entries[Key(w, n)].SetAsync(value, null, CancellationToken.None))),
            ("cluster-cache", (w, n) => Discard(backend.GetAsync(keys[Key(w, n)], CancellationToken.None)), (w, n) => Discard(backend.SetAsync(keys[Key(w, n)], value, null, CancellationToken.None))),
        };

        var results = new List<(string Target, string Operation, LoadResult Result)>();
        foreach (int concurrency in concurrencies)
        {
            foreach ((string Name, Func<int, long, ValueTask> Get, Func<int, long, ValueTask> Set) target in targets)
            {
                if (only is not null && !only.Contains(target.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                results.Add((target.Name, "GET", await LoadRunner.RunAsync(target.Name, concurrency, duration, target.Get).ConfigureAwait(false)));
                results.Add((target.Name, "SET", await LoadRunner.RunAsync(target.Name, concurrency, duration, target.Set).ConfigureAwait(false)));
            }
        }

        Print(results, duration);
    }

    /// <summary>Worker w's n-th key: workers start 37 keys apart and walk the key space, so concurrent workers rarely share a key.</summary>
    private static int Key(int worker, long count) => (int)(((worker * 37L) + count) % KeyCount);

    private static async ValueTask Discard<T>(ValueTask<T> call) => await call.ConfigureAwait(false);

    private static async Task VerifyAsync(IDatabase redis, RedisKey redisKey, ICacheEntryGrain entry, ICacheBackend backend, string key)
    {
        byte[]? fromRedis = await redis.StringGetAsync(redisKey).ConfigureAwait(false);
        byte[]? fromGrain = await entry.GetAsync(CancellationToken.None).ConfigureAwait(false);
        byte[]? fromCache = await backend.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        if (fromRedis?.Length != ValueLength || fromGrain?.Length != ValueLength || fromCache?.Length != ValueLength)
        {
            throw new InvalidOperationException($"The populated keys do not read back as hits (redis {fromRedis?.Length}, grain {fromGrain?.Length}, cache {fromCache?.Length} bytes).");
        }
    }

    private static void Print(List<(string Target, string Operation, LoadResult Result)> results, TimeSpan duration)
    {
        Console.WriteLine();
        Console.WriteLine($"{KeyCount} keys x {ValueLength} B, {duration.TotalSeconds:0.#} s per row, {Environment.ProcessorCount} cores, one silo process + redis-server on loopback");
        Console.WriteLine($"{"target",-14} {"op",-4} {"conc",5} {"ops/s",11} {"p50 us",9} {"p99 us",9} {"vs redis",9}");
        foreach ((string target, string operation, LoadResult result) in results)
        {
            LoadResult? baseline = results.Find(r => r.Target == "redis" && r.Operation == operation && r.Result.Concurrency == result.Concurrency).Result;
            string ratio = baseline is null || target == "redis" ? string.Empty : (result.OperationsPerSecond / baseline.OperationsPerSecond).ToString("0.00x", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target,-14} {operation,-4} {result.Concurrency,5} {result.OperationsPerSecond,11:N0} {result.P50Microseconds,9:0.0} {result.P99Microseconds,9:0.0} {ratio,9}"));
        }
    }

    /// <summary>Parses <c>cluster [seconds] [concurrencies] [targets]</c> (comma-separated; defaults 5 s, 1,8,64 and every target).</summary>
    public static (TimeSpan Duration, int[] Concurrencies, string? Only) ParseArguments(string[] args)
    {
        double seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        int[] concurrencies = args.Length > 2
            ? Array.ConvertAll(args[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), s => int.Parse(s, CultureInfo.InvariantCulture))
            : [1, 8, 64];
        Debug.Assert(concurrencies.Length > 0, "At least one concurrency.");
        return (TimeSpan.FromSeconds(seconds), concurrencies, args.Length > 3 ? args[3] : null);
    }
}
