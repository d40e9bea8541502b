using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>The Flask test app of test_view.py on ASP.NET Core: controllers, a Razor Page and minimal-API endpoints over TestServer,
/// by default on a <see cref="SimpleCache"/> driven by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class ViewApp : IAsyncDisposable
{
    private ViewApp(WebApplication app, FakeTimeProvider clock, ListLogger logs)
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

    public CachedViews Views => App.Services.GetRequiredService<CachedViews>();

    public ViewCounter Counter => App.Services.GetRequiredService<ViewCounter>();

    public ViewToggles Toggles => App.Services.GetRequiredService<ViewToggles>();

    /// <summary>Starts the app.</summary>
    /// <param name="backend">The cache's backend; <see langword="null"/>: a <see cref="SimpleCache"/> on the fake clock.</param>
    /// <param name="signals">Whether signals are on.</param>
    /// <param name="settings">Configuration that makes the app call <c>AddOrleansCaching(configuration)</c> instead (Local, Cluster).</param>
    public static async Task<ViewApp> StartAsync(ICacheBackend? backend = null, bool signals = false, IDictionary<string, string?>? settings = null)
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
                new CacheOptions { EnableSignals = signals },
                logger: sp.GetRequiredService<ILogger<Cache>>(),
                timeProvider: clock));
        }

        builder.Services.AddSingleton<ViewCounter>();
        builder.Services.AddSingleton<ViewToggles>();
        builder.Services.AddControllers().AddApplicationPart(typeof(ViewApp).Assembly);
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Views/Pages")
            .ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(ViewApp).Assembly)));
        builder.Services.AddOrleansCachingViews();
        ViewPolicies.Register(builder.Services);
        WebApplication app = builder.Build();
        app.MapControllers();
        app.MapRazorPages();
        MinimalViews.Map(app);
        await app.StartAsync();
        return new ViewApp(app, clock, logs);
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
