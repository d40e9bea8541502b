using Microsoft.AspNetCore.Mvc;

namespace Orleans.Caching.AspNetCore;

/// <summary>The result a memoized view's action filter short-circuits with on a hit: it writes the stored response.</summary>
internal sealed class MemoizedViewHitResult : IActionResult
{
    private readonly CachedViewResponse _stored;

    /// <summary>Initializes a new instance of the <see cref="MemoizedViewHitResult"/> class.</summary>
    /// <param name="stored">The stored response.</param>
    public MemoizedViewHitResult(CachedViewResponse stored)
    {
        _stored = stored;
    }

    /// <inheritdoc/>
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CachedViewResponseWriter.WriteAsync(context.HttpContext, _stored, hitIndication: false);
    }
}
