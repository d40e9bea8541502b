using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching;

// A short tour of Orleans.Caching (Flask-Caching's API). By default the cache is Local: every key is a grain of a silo embedded
// in this process. Any other backend by configuration, like an app would:
// `dotnet run --project samples/Orleans.Caching.Demo -- --Caching:Type=FileSystemCache --Caching:Dir=/tmp/demo-cache`
// or with Flask's names in the environment: `CACHE_TYPE=FileSystemCache CACHE_DIR=/tmp/demo-cache dotnet run ...`;
// the local silo's storage too: `-- --Caching:Silo:Storage:Type=FileSystemCache --Caching:Silo:Storage:Dir=/tmp/demo-silo`;
// or a running silo (`dotnet run --project src/Silo/Orleans.Caching.Silo.Host`) as a cluster client:
// `-- --Caching:Type=Cluster --Caching:Cluster:Gateways:0=127.0.0.1:11111`.
IConfiguration configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
services.AddOrleansCaching(configuration);
await using ServiceProvider provider = services.BuildServiceProvider();
var cache = provider.GetRequiredService<Cache>();

string type = configuration["Caching:Type"] ?? configuration["CACHE_TYPE"] ?? "Local";
Console.WriteLine($"Orleans.Caching demo — Caching:Type {type}, backend: {cache.Backend.GetType().Name}, default timeout {cache.Backend.DefaultTimeout}s");
await cache.ClearAsync();

Console.WriteLine();
Console.WriteLine("1. get / set / add / inc / get_many / delete_many");
await cache.SetAsync("greeting", "hello", timeout: 60);
Show("get('greeting')", await cache.GetAsync<string>("greeting"));
Show("add('greeting', 'bonjour') stores?", await cache.AddAsync("greeting", "bonjour"));
Show("get('greeting') after add", await cache.GetAsync<string>("greeting"));
await cache.IncAsync("visits");
await cache.IncAsync("visits");
Show("inc('visits') twice, then dec", await cache.DecAsync("visits"));
await cache.SetManyAsync(new Dictionary<string, object?> { ["a"] = 1, ["b"] = new[] { "x", "y" } });
Show("get_many('a', 'b', 'missing')", string.Join(" | ", (await cache.GetManyAsync("a", "b", "missing")).Select(Describe)));
Show("delete_many('a', 'b')", string.Join(", ", await cache.DeleteManyAsync("a", "b")));

Console.WriteLine();
Console.WriteLine("2. memoize: one entry per argument list, delete_memoized invalidates");
int squareRuns = 0;
MemoizedFunction<Func<int, int>> square = cache.Memoize((int x) =>
{
    squareRuns++;
    return x * x;
}, new MemoizeOptions { Timeout = 60 });
Show("square(4), square(4), square(5)", $"{square.Invoke(4)}, {square.Invoke(4)}, {square.Invoke(5)} — function ran {squareRuns} times");
await cache.DeleteMemoizedAsync(square, 4);
Show("after delete_memoized(square, 4): square(4), square(5)", $"{square.Invoke(4)}, {square.Invoke(5)} — function ran {squareRuns} times");
await cache.DeleteMemoizedAsync(square);
Show("after delete_memoized(square): square(5)", $"{square.Invoke(5)} — function ran {squareRuns} times");

Console.WriteLine();
Console.WriteLine("3. cached: one entry per key prefix, whatever the arguments");
int reportRuns = 0;
CachedFunction<Func<Task<string>>> report = cache.Cached(async () =>
{
    reportRuns++;
    await Task.Yield();
    return $"report #{reportRuns} built at {DateTime.UtcNow:HH:mm:ss.fff}";
}, new CachedOptions { Timeout = 60, KeyPrefix = "daily-report" });
Show("report() twice", $"{await report.Invoke()} / {await report.Invoke()}");
await cache.DeleteAsync(report.GetCacheKey());
Show("after delete(report key): report()", await report.Invoke());

Console.WriteLine();
Console.WriteLine("4. template fragment keys");
Show("TemplateFragmentKey.Make(\"sidebar\", \"user42\")", TemplateFragmentKey.Make("sidebar", "user42"));

return 0;

static void Show(string what, object? value) => Console.WriteLine($"   {what,-58} → {Describe(value)}");

static string Describe(object? value) => value switch
{
    null => "None",
    string s => s,
    bool b => b ? "True" : "False",
    System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
    _ => value.ToString() ?? "",
};
