using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>The Flask test app of test_view.py on ASP.NET Core: controllers, a Razor Page and minimal-API endpoints over TestServer,
/// by default on a <see cref="SimpleCache"/> driven by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class ViewApp : ViewTestApp
{
    private ViewApp(WebApplication app, FakeTimeProvider clock, ListLogger logs)
        : base(app, clock, logs)
    {
    }

    public CachedViews Views => App.Services.GetRequiredService<CachedViews>();

    public ViewCounter Counter => App.Services.GetRequiredService<ViewCounter>();

    public ViewToggles Toggles => App.Services.GetRequiredService<ViewToggles>();

    /// <summary>Starts the app.</summary>
    /// <param name="backend">The cache's backend; <see langword="null"/>: a <see cref="SimpleCache"/> on the fake clock.</param>
    /// <param name="signals">Whether signals are on.</param>
    /// <param name="settings">Configuration that makes the app call <c>AddOrleansCaching(configuration)</c> instead (Local, Cluster).</param>
    public static async Task<ViewApp> StartAsync(ICacheBackend? backend = null, bool signals = false, IDictionary<string, string?>? settings = null)
    {
        (WebApplication app, FakeTimeProvider clock, ListLogger logs) = await StartCoreAsync(
            backend,
            new CacheOptions { EnableSignals = signals },
            settings,
            "/Views/Pages",
            services =>
            {
                services.AddSingleton<ViewCounter>();
                services.AddSingleton<ViewToggles>();
                services.AddOrleansCachingViews();
                ViewPolicies.Register(services);
            },
            MinimalViews.Map);
        return new ViewApp(app, clock, logs);
    }
}
