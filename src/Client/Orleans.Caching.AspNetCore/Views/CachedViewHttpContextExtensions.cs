using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>What a cached view can read and set on its request: Flask's <c>CachedResponse(timeout=...)</c> as
/// <see cref="SetCachedResponseTimeout(HttpContext, CacheTimeout)"/>, and the request behind a <see cref="CacheInvocation"/>.</summary>
public static class CachedViewHttpContextExtensions
{
    private static readonly object s_timeoutKey = new();
    private static readonly object s_bodyKey = new();

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

    /// <summary>
    /// Gets the request body of a cached view's invocation, for a <see cref="CachedOptions.MakeCacheKey"/> that keys by
    /// what was posted (Flask-Caching's key from <c>request.get_data()</c>). The view buffers the body before building the key
    /// when a custom key function is set; the view still reads the whole body afterwards.
    /// </summary>
    /// <param name="invocation">The view's invocation, as the key function receives it.</param>
    /// <returns>The body's bytes; empty when the request has none.</returns>
    /// <exception cref="InvalidOperationException">The invocation is not a cached view's, or the body was larger than the
    /// view's maximum body size (the view then runs uncached, with a log line).</exception>
    public static ReadOnlyMemory<byte> GetRequestBody(this CacheInvocation invocation)
    {
        HttpContext context = invocation.GetHttpContext();
        return context.Items.TryGetValue(s_bodyKey, out object? value) && value is byte[] body
            ? body
            : throw new InvalidOperationException(
                $"The request body of {context.Request.Path} was not buffered for the cache key: it is larger than the view's maximum body size, or the view has no custom MakeCacheKey.");
    }

    /// <summary>Buffers the request body (up to <paramref name="limit"/> bytes) so a key function can read it and the view after it.</summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The largest body to buffer; a larger one is left unbuffered and its key function fails.</param>
    /// <returns>A task that completes when the body is buffered.</returns>
    internal static async ValueTask BufferRequestBodyAsync(HttpContext context, long limit)
    {
        HttpRequest request = context.Request;
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            context.Items[s_bodyKey] = Array.Empty<byte>();
            return;
        }

        if (request.ContentLength > limit)
        {
            return;
        }

        request.EnableBuffering();
        using var copy = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > limit)
            {
                request.Body.Position = 0;
                return;
            }

            copy.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        context.Items[s_bodyKey] = copy.ToArray();
    }

    /// <summary>Reads the per-response timeout.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The timeout, or <see langword="null"/>.</returns>
    internal static CacheTimeout? GetCachedResponseTimeout(HttpContext context)
        => context.Items.TryGetValue(s_timeoutKey, out object? value) && value is CacheTimeout timeout ? timeout : null;
}
