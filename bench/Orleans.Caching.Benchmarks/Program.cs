using System.Globalization;
using BenchmarkDotNet.Running;
using Orleans.Caching.Benchmarks;
using Orleans.Caching.Benchmarks.Cluster;

// Benchmarks are run by hand, never by the test command:
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*Local*' --job short
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- memory 1000000
// The cluster against Redis (needs redis-server on PATH; starts it and ONE silo host process on free loopback ports, kills both at the end):
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- cluster [seconds per row, default 5] [concurrencies, default 1,8,64]
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- cluster 5 1,8,64
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- cluster 10 64 redis,cluster-grain   (only these targets)
// It prints one row per target (redis, cluster-grain = raw ClusterClient + ICacheEntryGrain, cluster-cache = the Cache facade's backend
// with Caching:Type=Cluster), operation (GET hit, SET of 100 bytes) and concurrency: ops/s, p50 and p99 in microseconds, and ops/s vs redis.
if (args.Length > 0 && args[0] == "cluster")
{
    (TimeSpan duration, int[] concurrencies, string? only) = ClusterBenchmark.ParseArguments(args);
    await ClusterBenchmark.RunAsync(duration, concurrencies, only);
    return;
}

if (args.Length > 0 && args[0] == "memory")
{
    await ActivationMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ActivationMemory).Assembly).Run(args);
