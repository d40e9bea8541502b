using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Views.Support;
using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>An app of memoized views (controllers and a Razor Page) over TestServer, by default on a <see cref="SimpleCache"/> driven by a
/// <see cref="FakeTimeProvider"/>; bodies larger than 64 bytes are not cached.</summary>
public sealed class MemoizedViewApp : ViewTestApp
{
    private MemoizedViewApp(WebApplication app, FakeTimeProvider clock, ListLogger logs)
        : base(app, clock, logs)
    {
    }

    public MemoizedViews Views => App.Services.GetRequiredService<MemoizedViews>();

    public ViewCounter Counter => App.Services.GetRequiredService<ViewCounter>();

    public MemoToggles Toggles => App.Services.GetRequiredService<MemoToggles>();

    public static async Task<MemoizedViewApp> StartAsync(ICacheBackend? backend = null, IDictionary<string, string?>? settings = null)
    {
        (WebApplication app, FakeTimeProvider clock, ListLogger logs) = await StartCoreAsync(
            backend,
            new CacheOptions(),
            settings,
            "/Views/Memoized/Pages",
            services =>
            {
                services.AddSingleton<ViewCounter>();
                var toggles = new MemoToggles();
                services.AddSingleton(toggles);
                services.AddOrleansCachingViews(options => options.MaximumBodySize = 64);
                services.AddMemoizePolicy("memo-all-statuses", o => o.ResponseFilter = r => r is CachedViewResponse { StatusCode: < 600 });
                services.AddMemoizePolicy("memo-unless", o => o.Unless = _ => toggles.Unless);
                services.AddMemoizePolicy("memo-forced", o => o.ForcedUpdate = _ => toggles.Forced);
                services.AddMemoizePolicy("memo-stale", o => o.IsStale = (value, _) =>
                {
                    toggles.StaleSeen = value;
                    return toggles.Stale;
                });
            });
        return new MemoizedViewApp(app, clock, logs);
    }
}
