using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.OutputCaching;

/// <summary>An app whose endpoints answer "{name}:{n}" (n counts the executions) under the output cache on the target's cache.</summary>
internal static class OutputCacheApp
{
    public const string Tag = "things";

    public static Task<AdapterApp> StartAsync(CacheTarget target, string name, int bodyBytes = 0)
    {
        int executions = 0;
        string Next() => $"{name}:{Interlocked.Increment(ref executions)}" + new string('x', bodyBytes);
        return AdapterApp.StartAsync(
            target,
            services =>
            {
                services.AddOutputCache();
                services.AddOrleansCachingOutputCache(o => o.KeyPrefix = target.Prefix + "outputcache/");
            },
            app =>
            {
                app.UseOutputCache();
                app.MapGet("/policy", Next).CacheOutput();
                app.MapGet("/attribute", [OutputCache(Duration = 60)] () => Next());
                app.MapGet("/tagged", Next).CacheOutput(p => p.Tag(Tag).Expire(TimeSpan.FromSeconds(60)));
                app.MapGet("/short", Next).CacheOutput(p => p.Expire(TimeSpan.FromSeconds(10)));
                app.MapPost("/evict", async (IOutputCacheStore store, CancellationToken cancellationToken) =>
                {
                    await store.EvictByTagAsync(Tag, cancellationToken);
                    return Results.NoContent();
                });
            });
    }
}
