using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Benchmarks;

/// <summary>A 100-byte value through a <c>Local</c> grain (write-through to in-memory storage) and a memoize hit over grains.</summary>
[MemoryDiagnoser]
public class LocalBenchmarks
{
    private static readonly byte[] s_value = new byte[100];
    private ServiceProvider _provider = null!;
    private ICacheBackend _grains = null!;
    private MemoizedFunction<Func<int, int, int>> _add = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_provider, Cache cache) = LocalCaches.Create();
        _grains = cache.Backend;
        _grains.SetAsync("hit", s_value, null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        _add = cache.Memoize((int a, int b) => a + b, new MemoizeOptions { Timeout = 0 });
        _add.Invoke(1, 2);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public async ValueTask<byte[]?> Local_grain_hit() => await _grains.GetAsync("hit", CancellationToken.None);

    [Benchmark]
    public async ValueTask<bool> Local_grain_set() => await _grains.SetAsync("set", s_value, null, CancellationToken.None);

    [Benchmark]
    public int Local_memoize_hit() => _add.Invoke(1, 2);
}
