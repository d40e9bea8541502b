using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Readme;

// The README's examples, run as written (apart from the stand-ins for the application's own functions).
public sealed class ReadmeExamplesTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;

    public ReadmeExamplesTests() => _cache = new Cache(new SimpleCache(new SimpleCacheOptions(), _clock), new CacheOptions { EnableSignals = true }, timeProvider: _clock);

    [Fact]
    public async Task Quick_start_through_dependency_injection()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Type"] = "SimpleCache", ["Caching:DefaultTimeout"] = "300" })
            .Build();
        var services = new ServiceCollection();
        services.AddOrleansCaching(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        var cache = provider.GetRequiredService<Cache>();

        await cache.SetAsync("greeting", "hello", timeout: 60);
        Assert.Equal("hello", await cache.GetAsync<string>("greeting"));

        int runs = 0;
        var square = cache.Memoize((int x) => { runs++; return x * x; }, new MemoizeOptions { Timeout = 60 });
        Assert.Equal(9, square.Invoke(3));
        Assert.Equal(9, square.Invoke(3));
        Assert.Equal(1, runs);
        await cache.DeleteMemoizedAsync(square, 3);
        Assert.Equal(9, square.Invoke(3));
        Assert.Equal(2, runs);
        await cache.DeleteMemoizedAsync(square);
        Assert.Equal(9, square.Invoke(3));
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task Timeouts_default_never_and_time_spans()
    {
        await _cache.SetAsync("default", 1);
        await _cache.SetAsync("never", 2, timeout: 0);
        await _cache.SetAsync("span", 3, TimeSpan.FromMinutes(5));
        _clock.Advance(299);
        Assert.Equal(1, await _cache.GetAsync<int>("default"));
        _clock.Advance(1);
        Assert.False(await _cache.HasAsync("default"));
        Assert.False(await _cache.HasAsync("span"));
        _clock.Advance(100_000);
        Assert.Equal(2, await _cache.GetAsync<int>("never"));
    }

    [Fact]
    public async Task Typed_and_untyped_reads()
    {
        await _cache.SetAsync("order:42", new Order(42, "tea"));
        Order? order = await _cache.GetAsync<Order>("order:42");
        object? raw = await _cache.GetAsync("order:42");
        await _cache.SetManyAsync(new Dictionary<string, object?> { ["a"] = 1, ["b"] = "two" });
        IReadOnlyList<object?> values = await _cache.GetManyAsync("a", "b", "missing");
        IReadOnlyDictionary<string, object?> dict = await _cache.GetDictAsync("a", "b");

        Assert.Equal(new Order(42, "tea"), order);
        Assert.Equal("tea", Assert.IsType<Dictionary<string, object?>>(raw)["Item"]);
        Assert.Equal([1L, "two", null], values);
        Assert.Equal(1L, dict["a"]);
    }

    [Fact]
    public async Task Add_inc_and_delete_many()
    {
        Assert.True(await _cache.AddAsync("lock", "me", timeout: 30));
        Assert.False(await _cache.AddAsync("lock", "you", timeout: 30));
        Assert.Equal(1, await _cache.IncAsync("visits"));
        await _cache.SetAsync("a", 1);
        Assert.Equal(["a", "b"], await _cache.DeleteManyAsync("a", "b"));
    }

    [Fact]
    public async Task Cached_function_with_a_key_prefix_and_a_timeout_read_at_call_time()
    {
        int builds = 0;
        var report = _cache.Cached(() => BuildReportAsync(++builds), new CachedOptions { Timeout = 60, KeyPrefix = "daily-report" });
        Assert.Equal("report 1", await report.Invoke());
        Assert.Equal("report 1", await report.Invoke());
        report.CacheTimeout = 120;
        await _cache.DeleteAsync(report.GetCacheKey());
        Assert.Equal("report 2", await report.Invoke());
        _clock.Advance(119);
        Assert.Equal("report 2", await report.Invoke());
        Assert.Equal("daily-report", report.GetCacheKey());
    }

    [Fact]
    public async Task Callbacks_unless_forced_update_is_stale_response_filter_and_cache_none()
    {
        bool noCache = false, refreshRequested = false;
        int current = 1, loads = 0;
        var prices = _cache.Cached(() => LoadPricesAsync(++loads, current), new CachedOptions
        {
            KeyPrefix = "prices",
            Unless = _ => noCache,
            ForcedUpdate = _ => refreshRequested,
            IsStale = (value, _) => ((Prices)value!).Version < current,
            ResponseFilter = result => result is Prices { Complete: true },
            CacheNone = true,
        });

        Assert.Equal(1, (await prices.Invoke()).Load);
        Assert.Equal(1, (await prices.Invoke()).Load);
        noCache = true;
        Assert.Equal(2, (await prices.Invoke()).Load);
        noCache = false;
        refreshRequested = true;
        Assert.Equal(3, (await prices.Invoke()).Load);
        refreshRequested = false;
        Assert.Equal(3, (await prices.Invoke()).Load);
        current = 2;
        Assert.Equal(4, (await prices.Invoke()).Load);
    }

    [Fact]
    public async Task Query_string_keys_and_delete_cached()
    {
        int searches = 0;
        var search = _cache.Cached(() => Task.FromResult(++searches), new CachedOptions { QueryString = true });
        using (CacheRequestContext.Push("/search?q=tea&page=2"))
        {
            Assert.Equal(1, await search.Invoke());
            Assert.Equal(1, await search.Invoke());
        }

        Assert.True(await _cache.DeleteCachedAsync(search, "/search", "page=2&q=tea"));
        using (CacheRequestContext.Push("/search?page=2&q=tea"))
        {
            Assert.Equal(2, await search.Invoke());
        }
    }

    [Fact]
    public void Cached_response_timeout_wins_over_the_decorator_timeout()
    {
        int renders = 0;
        var page = _cache.Cached(() => CachedResponse.Create($"page {++renders}", timeout: 5), new CachedOptions { Timeout = 60, KeyPrefix = "page" });
        Assert.Equal("page 1", page.Invoke().Value);
        _clock.Advance(4);
        Assert.Equal("page 1", page.Invoke().Value);
        _clock.Advance(1);
        Assert.Equal("page 2", page.Invoke().Value);
    }

    [Fact]
    public async Task Memoize_delete_one_entry_every_entry_and_the_version_key()
    {
        int quotes = 0;
        var price = _cache.Memoize((string sku, int qty) => Quote(sku, qty, ++quotes), new MemoizeOptions { Timeout = 300 });
        decimal p = price.Invoke("tea", 2);
        Assert.Equal(p, price.Invoke("tea", 2));
        string key = await price.MakeCacheKeyAsync("tea", 2);
        Assert.Equal(22, key.Length);

        await _cache.DeleteMemoizedAsync(price, "tea", 2);
        Assert.NotEqual(p, p = price.Invoke("tea", 2));
        await _cache.DeleteMemoizedAsync(price);
        Assert.NotEqual(p, p = price.Invoke("tea", 2));
        await _cache.DeleteMemoizedVerhashAsync(price);
        Assert.NotEqual(p, price.Invoke("tea", 2));
    }

    [Fact]
    public async Task Methods_and_instances()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = _cache.Memoize<Func<int, long>>(adder1.Add, new MemoizeOptions { Timeout = 60 });
        var add2 = _cache.Memoize<Func<int, long>>(adder2.Add, new MemoizeOptions { Timeout = 60 });
        long r1 = add1.Invoke(3), r2 = add2.Invoke(3);
        Assert.Equal(28, (await add1.MakeCacheKeyAsync(3)).Length);

        await _cache.DeleteMemoizedAsync(adder1.Add);
        Assert.NotEqual(r1, r1 = add1.Invoke(3));
        Assert.Equal(r2, add2.Invoke(3));

        await _cache.DeleteMemoizedAsync(adder1.Add, 3);
        Assert.NotEqual(r1, r1 = add1.Invoke(3));
        await _cache.DeleteMemoizedAsync(() => adder1.Add(3));
        Assert.NotEqual(r1, r1 = add1.Invoke(3));
        Assert.Equal(r2, add2.Invoke(3));

        await _cache.DeleteMemoizedAsync(typeof(Adder).GetMethod(nameof(Adder.Add))!);
        Assert.NotEqual(r1, add1.Invoke(3));
        Assert.NotEqual(r2, add2.Invoke(3));

        var shared = _cache.Memoize((Adder self, int b) => self.Add(b));
        long s1 = shared.Invoke(adder1, 5), s2 = shared.Invoke(adder2, 5);
        await _cache.DeleteMemoizedAsync(shared.Bind(adder1));
        Assert.NotEqual(s1, shared.Invoke(adder1, 5));
        Assert.Equal(s2, shared.Invoke(adder2, 5));
    }

    [Fact]
    public void Args_to_ignore_make_name_hash_method_and_source_check()
    {
        int loads = 0;
        var load = _cache.Memoize((string id, TraceContext trace) => $"{id}:{++loads}", new MemoizeOptions
        {
            ArgsToIgnore = ["trace"],
            MakeName = name => "v2." + name,
            HashMethod = CacheHashMethod.Sha512,
            SourceCheck = true,
        });
        Assert.Equal("a:1", load.Invoke("a", new TraceContext("t1")));
        Assert.Equal("a:1", load.Invoke("a", new TraceContext("t2")));
        Assert.Equal("b:2", load.Invoke("b", new TraceContext("t1")));
    }

    [Fact]
    public async Task Generators_are_joined_before_caching()
    {
        var html = _cache.Memoize((string name) => Render(name));
        Assert.Equal("<p>tea</p>", string.Concat(html.Invoke("tea")));
        Assert.Equal("<p>tea</p>", await _cache.GetAsync<string>(await html.MakeCacheKeyAsync("tea")));
    }

    [Fact]
    public void Signals_report_hits_and_misses()
    {
        var events = new List<string>();
        _cache.Hit += (_, e) => events.Add($"hit {e.Kind}");
        _cache.Miss += (_, e) => events.Add($"miss {e.Kind}");
        var f = _cache.Memoize((int x) => x);
        f.Invoke(1);
        f.Invoke(1);
        Assert.Equal(["miss Memoize", "hit Memoize"], events);
    }

    [Fact]
    public void Template_fragment_keys()
    {
        Assert.Equal("_template_fragment_cache_sidebar_42", TemplateFragmentKey.Make("sidebar", 42));
        Assert.Equal("_template_fragment_cache_sidebar", TemplateFragmentKey.Make("sidebar"));
    }

    [Fact]
    public async Task Several_caches_from_configuration()
    {
        using var dir = new TempDirectory();
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Caching:Type"] = "SimpleCache",
                ["Caching:Instances:reports:Type"] = "FileSystemCache",
                ["Caching:Instances:reports:Dir"] = dir.Path,
                ["Caching:Instances:sessions:DefaultTimeout"] = "30",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOrleansCaching(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Cache reports = provider.GetRequiredKeyedService<Cache>("reports");
        Cache sessions = provider.GetRequiredService<ICacheProvider>().GetCache("sessions");
        Assert.IsType<FileSystemCache>(reports.Backend);
        Assert.IsType<SimpleCache>(sessions.Backend);
        Assert.Equal(CacheTimeout.FromSeconds(30), sessions.Backend.DefaultTimeout);
        await reports.SetAsync("k", "v");
        Assert.False(await sessions.HasAsync("k"));
        Assert.Equal("v", await reports.GetAsync<string>("k"));
    }

    private static async Task<string> BuildReportAsync(int build)
    {
        await Task.Yield();
        return $"report {build}";
    }

    private static Task<Prices> LoadPricesAsync(int load, int version) => Task.FromResult(new Prices(load, version, Complete: true));

    private static decimal Quote(string sku, int qty, int run) => sku.Length * qty + (run / 1000m);

    private static IEnumerable<string> Render(string name)
    {
        yield return "<p>";
        yield return name;
        yield return "</p>";
    }

    public sealed record Order(int Id, string Item);

    public sealed record Prices(int Load, int Version, bool Complete);

    public sealed record TraceContext(string Id);

    public sealed class Adder(int offset) : ICachingId
    {
        private int _runs;

        public string CachingId => $"adder-{offset}";

        public long Add(int b) => offset + b + (1000L * Interlocked.Increment(ref _runs));
    }
}
