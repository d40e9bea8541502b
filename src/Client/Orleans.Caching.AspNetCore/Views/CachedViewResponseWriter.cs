using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>Writes a stored <see cref="CachedViewResponse"/> to a response (a hit of a cached or memoized view).</summary>
internal static class CachedViewResponseWriter
{
    /// <summary>Writes the status, content type, stored headers and body.</summary>
    /// <param name="context">The request.</param>
    /// <param name="stored">The stored response.</param>
    /// <param name="hitIndication">Whether to add the <c>hit_cache: True</c> header.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static async Task WriteAsync(HttpContext context, CachedViewResponse stored, bool hitIndication)
    {
        HttpResponse response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        foreach (KeyValuePair<string, string[]> header in stored.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (hitIndication)
        {
            response.Headers["hit_cache"] = "True";
        }

        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
