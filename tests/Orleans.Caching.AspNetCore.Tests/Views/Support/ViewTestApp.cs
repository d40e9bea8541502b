using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>A TestServer app of views (controllers and Razor Pages of this assembly) with view caching on, by default on a
/// <see cref="SimpleCache"/> driven by a <see cref="FakeTimeProvider"/>; the base of <see cref="ViewApp"/> and the memoized-view app.</summary>
public abstract class ViewTestApp : IAsyncDisposable
{
    protected ViewTestApp(WebApplication app, FakeTimeProvider clock, ListLogger logs)
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

    public async Task<string> GetStringAsync(string url) => await Client.GetStringAsync(new Uri(url, UriKind.Relative));

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Builds and starts the app.</summary>
    /// <param name="backend">The cache's backend; <see langword="null"/>: a <see cref="SimpleCache"/> on the fake clock.</param>
    /// <param name="cacheOptions">The cache's options when <paramref name="settings"/> is <see langword="null"/>.</param>
    /// <param name="settings">Configuration that makes the app call <c>AddOrleansCaching(configuration)</c> instead (Local, Cluster).</param>
    /// <param name="pagesRoot">The Razor Pages root of the app's pages in this assembly.</param>
    /// <param name="configure">Adds the app's own services (view options, policies, counters).</param>
    /// <param name="map">Maps extra endpoints after controllers and pages.</param>
    protected static async Task<(WebApplication App, FakeTimeProvider Clock, ListLogger Logs)> StartCoreAsync(
        ICacheBackend? backend, CacheOptions cacheOptions, IDictionary<string, string?>? settings, string pagesRoot,
        Action<IServiceCollection> configure, Action<WebApplication>? map = null)
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
                cacheOptions,
                logger: sp.GetRequiredService<ILogger<Cache>>(),
                timeProvider: clock));
        }

        builder.Services.AddControllers().AddApplicationPart(typeof(ViewTestApp).Assembly);
        builder.Services.AddRazorPages(options => options.RootDirectory = pagesRoot)
            .ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(ViewTestApp).Assembly)));
        configure(builder.Services);
        WebApplication app = builder.Build();
        app.MapControllers();
        app.MapRazorPages();
        map?.Invoke(app);
        await app.StartAsync();
        return (app, clock, logs);
    }

    private sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
