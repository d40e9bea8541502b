using Microsoft.AspNetCore.OutputCaching;
using Orleans.Caching.AspNetCore;
using Orleans.Caching.Samples.WebApp.Pages;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp;

/// <summary>The sample's minimal-API endpoints: the output-cached <c>/output/time</c> and the POST targets of the pages' clear buttons.</summary>
public static class SampleEndpoints
{
    /// <summary>The tag of every output-cached response of the sample.</summary>
    public const string OutputTag = "sample-output";

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapSampleEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Caching.Samples.WebApp");

        app.MapGet("/output/time", (RenderCounter counter, TimeProvider time) => Results.Text($"render {counter.Next()} at {time.GetUtcNow():O}"))
            .CacheOutput(policy => policy.Expire(TimeSpan.FromSeconds(60)).Tag(OutputTag));

        app.MapPost("/clear/output", async (IOutputCacheStore store, CancellationToken cancellationToken) =>
        {
            await store.EvictByTagAsync(OutputTag, cancellationToken);
            Log.CacheCleared(logger, "output cache");
            return Results.Redirect("/OutputCache", permanent: false, preserveMethod: false);
        });

        app.MapPost("/clear/view", async (CachedViews views) =>
        {
            // The page handler's view deletes its entry by path, outside the page's own request (Flask's cache.delete on the view key).
            await ViewOf(views, typeof(CachedViewModel)).DeleteCachedAsync("/CachedView");
            Log.CacheCleared(logger, "cached view");
            return Results.Redirect("/CachedView");
        });

        app.MapPost("/clear/query", async (CachedViews views, HttpRequest request) =>
        {
            string query = request.QueryString.Value ?? string.Empty;
            await ViewOf(views, typeof(QueryViewModel)).DeleteCachedAsync("/QueryView", query);
            Log.CacheCleared(logger, "query-string view");
            return Results.Redirect("/QueryView" + query);
        });

        app.MapPost("/clear/fragment", async (Cache cache) =>
        {
            await cache.DeleteAsync(TemplateFragmentKey.Make(FragmentModel.FragmentName));
            Log.CacheCleared(logger, "fragment");
            return Results.Redirect("/Fragment");
        });

        app.MapPost("/clear/memoized", async (Cache cache, IForecastService forecasts, string city, HttpRequest request) =>
        {
            string scope = request.HasFormContentType ? request.Form["scope"].ToString() : "city";
            if (scope == "all")
            {
                // The service's method group: every result of this (singleton) instance.
                await cache.DeleteMemoizedAsync(forecasts.GetForecastAsync);
            }
            else
            {
                // An expression: exactly the entry of that call.
                await cache.DeleteMemoizedAsync(() => forecasts.GetForecastAsync(city));
            }

            Log.CacheCleared(logger, "memoized");
            return Results.Redirect("/Memoized?city=" + Uri.EscapeDataString(city));
        });

        return app;
    }

    private static CachedView ViewOf(CachedViews views, Type pageModel)
        => views.ForMethod(pageModel.GetMethod("OnGet")!) ?? throw new InvalidOperationException($"{pageModel.Name}.OnGet has no [Cached].");
}
