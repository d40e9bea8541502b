using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>What a cached view can read and set on its request: Flask's <c>CachedResponse(timeout=...)</c> as
/// <see cref="SetCachedResponseTimeout(HttpContext, CacheTimeout)"/>, and the request behind a <see cref="CacheInvocation"/>.</summary>
public static class CachedViewHttpContextExtensions
{
    private static readonly object s_timeoutKey = new();

    /// <summary>Sets the time-to-live of the response being produced (Flask's <c>CachedResponse(response, timeout)</c>); it wins
    /// over the view's timeout when not 0. <see cref="CachedViewResult"/> does the same as a result wrapper.</summary>
    /// <param name="context">The request.</param>
    /// <param name="timeout">The entry's time-to-live.</param>
    public static void SetCachedResponseTimeout(this HttpContext context, CacheTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[s_timeoutKey] = timeout;
    }

    /// <summary>Gets the request a view callback (<c>unless</c>, <c>forced_update</c>, <c>make_cache_key</c>...) runs for.</summary>
    /// <param name="invocation">The callback's invocation.</param>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidOperationException">The invocation is not a view's.</exception>
    public static HttpContext GetHttpContext(this CacheInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.Arguments is [HttpContext context]
            ? context
            : throw new InvalidOperationException("This invocation is not a cached view's: its only argument is not an HttpContext.");
    }

    /// <summary>Reads the per-response timeout.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The timeout, or <see langword="null"/>.</returns>
    internal static CacheTimeout? GetCachedResponseTimeout(HttpContext context)
        => context.Items.TryGetValue(s_timeoutKey, out object? value) && value is CacheTimeout timeout ? timeout : null;
}
