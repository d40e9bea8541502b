using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>Puts a middleware first in the pipeline that makes each request the ambient <see cref="CacheRequestContext.Current"/>,
/// so <c>cache.Cached</c> functions called while handling it see its path and query.</summary>
internal sealed class CacheRequestContextStartupFilter : IStartupFilter
{
    /// <inheritdoc/>
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static (context, nextMiddleware) => RunAsync(context, nextMiddleware));
        next(app);
    };

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        using IDisposable? scope = HttpCacheRequestContext.Ensure(context);
        await next(context).ConfigureAwait(false);
    }
}
