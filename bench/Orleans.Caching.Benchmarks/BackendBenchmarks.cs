using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;

namespace Orleans.Caching.Benchmarks;

/// <summary>A 100-byte value read and written through a backend, against MemoryCache as the in-process anchor.</summary>
[MemoryDiagnoser]
public class BackendBenchmarks
{
    private static readonly byte[] s_value = new byte[100];
    private readonly SimpleCache _simple = new(new SimpleCacheOptions { Threshold = 100_000 });
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());

    [GlobalSetup]
    public void Setup()
    {
        _simple.SetAsync("hit", s_value, null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        _memory.Set("hit", s_value, TimeSpan.FromMinutes(5));
    }

    [Benchmark(Baseline = true)]
    public byte[]? MemoryCache_hit() => _memory.TryGetValue("hit", out byte[]? value) ? value : null;

    [Benchmark]
    public byte[] MemoryCache_set() => _memory.Set("set", s_value, TimeSpan.FromMinutes(5));

    [Benchmark]
    public async ValueTask<byte[]?> SimpleCache_hit() => await _simple.GetAsync("hit", CancellationToken.None);

    [Benchmark]
    public async ValueTask<bool> SimpleCache_set() => await _simple.SetAsync("set", s_value, null, CancellationToken.None);
}
