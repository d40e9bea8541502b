using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.AspNetCore.Tests.Views.Support;
using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>An app of memoized views (controllers and a Razor Page) over TestServer, by default on a <see cref="SimpleCache"/> driven by a
/// <see cref="FakeTimeProvider"/>; bodies larger than 64 bytes are not cached.</summary>
public sealed class MemoizedViewApp : IAsyncDisposable
{
    private MemoizedViewApp(WebApplication app, FakeTimeProvider clock, ListLogger logs)
    {
        App = app;
        Clock = clock;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public ListLogger Logs { get; }

    public HttpClient Client { get; }

    public Cache Cache => App.Services.GetRequiredService<Cache>();

    public MemoizedViews Views => App.Services.GetRequiredService<MemoizedViews>();

    public ViewCounter Counter => App.Services.GetRequiredService<ViewCounter>();

    public MemoToggles Toggles => App.Services.GetRequiredService<MemoToggles>();

    public static async Task<MemoizedViewApp> StartAsync(ICacheBackend? backend = null, IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider();
        var logs = new ListLogger();
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ListLoggerProvider(logs));
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (settings is not null)
        {
            builder.Services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        }
        else
        {
            builder.Services.AddSingleton(sp => new Cache(
                backend ?? new SimpleCache(new SimpleCacheOptions(), clock),
                new CacheOptions(),
                logger: sp.GetRequiredService<ILogger<Cache>>(),
                timeProvider: clock));
        }

        builder.Services.AddSingleton<ViewCounter>();
        var toggles = new MemoToggles();
        builder.Services.AddSingleton(toggles);
        builder.Services.AddControllers().AddApplicationPart(typeof(MemoizedViewApp).Assembly);
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Views/Memoized/Pages")
            .ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(MemoizedViewApp).Assembly)));
        builder.Services.AddOrleansCachingViews(options => options.MaximumBodySize = 64);
        builder.Services.AddMemoizePolicy("memo-all-statuses", o => o.ResponseFilter = r => r is CachedViewResponse { StatusCode: < 600 });
        builder.Services.AddMemoizePolicy("memo-unless", o => o.Unless = _ => toggles.Unless);
        builder.Services.AddMemoizePolicy("memo-forced", o => o.ForcedUpdate = _ => toggles.Forced);
        builder.Services.AddMemoizePolicy("memo-stale", o => o.IsStale = (value, _) =>
        {
            toggles.StaleSeen = value;
            return toggles.Stale;
        });
        WebApplication app = builder.Build();
        app.MapControllers();
        app.MapRazorPages();
        await app.StartAsync();
        return new MemoizedViewApp(app, clock, logs);
    }

    public async Task<string> GetStringAsync(string url) => await Client.GetStringAsync(new Uri(url, UriKind.Relative));

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
