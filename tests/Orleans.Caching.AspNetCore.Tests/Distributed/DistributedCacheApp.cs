using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.Distributed;

/// <summary>An app with the Orleans <see cref="IDistributedCache"/> and sessions idle for at most 20 minutes.</summary>
internal static class DistributedCacheApp
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);

    public static Task<AdapterApp> StartAsync(CacheTarget target) => AdapterApp.StartAsync(
        target,
        services =>
        {
            services.AddOrleansCachingDistributedCache(o => o.KeyPrefix = target.Prefix + "distcache/");
            services.AddSession(o => o.IdleTimeout = IdleTimeout);
        },
        app =>
        {
            app.UseSession();
            app.MapGet("/session/set", (HttpContext http, string value) =>
            {
                http.Session.SetString("value", value);
                return "stored";
            });
            app.MapGet("/session/get", (HttpContext http) => http.Session.GetString("value") ?? "(none)");
        });

    public static IDistributedCache Cache(this AdapterApp app) => app.Services.GetRequiredService<IDistributedCache>();
}
