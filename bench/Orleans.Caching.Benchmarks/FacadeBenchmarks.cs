using BenchmarkDotNet.Attributes;

namespace Orleans.Caching.Benchmarks;

/// <summary>The facade's overhead on hits: typed get, a memoized function and a cached function, over SimpleCache.</summary>
[MemoryDiagnoser]
public class FacadeBenchmarks
{
    private readonly Cache _cache = new(new SimpleCache(new SimpleCacheOptions { Threshold = 100_000 }));
    private MemoizedFunction<Func<int, int, int>> _add = null!;
    private CachedFunction<Func<string>> _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cache.SetAsync("hit", new string('x', 100)).AsTask().GetAwaiter().GetResult();
        _add = _cache.Memoize((int a, int b) => a + b, new MemoizeOptions { Timeout = 0 });
        _report = _cache.Cached(() => new string('r', 100), new CachedOptions { Timeout = 0, KeyPrefix = "report" });
        _add.Invoke(1, 2);
        _report.Invoke();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<string?> Get_typed_hit() => await _cache.GetAsync<string>("hit");

    [Benchmark]
    public int Memoize_hit() => _add.Invoke(1, 2);

    [Benchmark]
    public string Cached_hit() => _report.Invoke();
}
