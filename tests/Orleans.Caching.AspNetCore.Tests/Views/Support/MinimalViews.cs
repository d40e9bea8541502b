using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>The minimal-API views of test_view.py.</summary>
public static class MinimalViews
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/min/cached", (ViewCounter counter) => counter.Next()).Cached(2);
        app.MapGet("/min/async", async (ViewCounter counter) =>
        {
            await Task.Yield();
            return counter.Next();
        }).Cached(2);
        app.MapGet("/min/response-timeout", (ViewCounter counter) => new CachedViewResult(Results.Text(counter.Next()), 2)).Cached(1);
        app.MapGet("/min/set-timeout", (HttpContext context, ViewCounter counter) =>
        {
            context.SetCachedResponseTimeout(2);
            return counter.Next();
        }).Cached(1);
        app.MapGet("/min/works", (ViewCounter counter) => counter.Next()).Cached(o => o.Cached.QueryString = true).WithName("works");
        app.MapGet("/min/user/{name}", (string name, ViewCounter counter) => name + counter.Next()).Cached(60).WithName("user");
        app.MapGet("/min/throws", (ViewCounter counter, ViewToggles toggles) => toggles.Throw ? throw new InvalidOperationException("The view failed.") : counter.Next()).Cached(60);
        app.MapGet("/min/streamed", async (HttpContext context, ViewCounter counter) =>
        {
            context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
            await context.Response.WriteAsync(counter.Next());
        }).Cached(60);
        app.MapGet("/min/unless", (ViewCounter counter) => counter.Next()).Cached(new CachedOptions { Unless = _ => true });
        app.MapGet("/min/hit", (ViewCounter counter) => counter.Next()).Cached(o =>
        {
            o.Cached.Timeout = 2;
            o.ResponseHitIndication = true;
        });
        app.MapGet("/min/status/{code:int}", (int code, ViewCounter counter) => Results.Text(counter.Next(), statusCode: code)).Cached(60);
        app.MapGet("/min/inside", (Cache cache, ViewCounter counter) => cache.Cached(() => counter.Next()).GetCacheKey());
        app.MapGet("/foo", (ViewCounter counter) => counter.Next()).Cached(60);
        app.MapGet("/bar", (ViewCounter counter) => counter.Next()).Cached(60);
    }
}
