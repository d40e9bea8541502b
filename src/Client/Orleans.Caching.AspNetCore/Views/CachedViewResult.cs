using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// A result with its own cache time-to-live (Flask-Caching's <c>CachedResponse(response, timeout)</c>) for cached views: return
/// <c>new CachedViewResult(Results.Text("..."), 2)</c> from a minimal-API handler, or around an <see cref="IActionResult"/> from an
/// action or page handler. It executes the inner result and sets the response's timeout; 0 defers to the view's timeout.
/// </summary>
public sealed class CachedViewResult : IResult, IActionResult
{
    private readonly object _inner;

    /// <summary>Initializes a new instance of the <see cref="CachedViewResult"/> class around a minimal-API result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="timeout">The entry's time-to-live.</param>
    public CachedViewResult(IResult result, CacheTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(result);
        _inner = result;
        Timeout = timeout;
    }

    /// <summary>Initializes a new instance of the <see cref="CachedViewResult"/> class around an MVC result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="timeout">The entry's time-to-live.</param>
    public CachedViewResult(IActionResult result, CacheTimeout timeout)
    {
        ArgumentNullException.ThrowIfNull(result);
        _inner = result;
        Timeout = timeout;
    }

    /// <summary>Gets the entry's time-to-live.</summary>
    public CacheTimeout Timeout { get; }

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.SetCachedResponseTimeout(Timeout);
        return _inner is IResult result
            ? result.ExecuteAsync(httpContext)
            : throw new InvalidOperationException("A CachedViewResult around an IActionResult must be returned from an MVC action or page handler.");
    }

    /// <inheritdoc/>
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.SetCachedResponseTimeout(Timeout);
        return _inner is IActionResult action ? action.ExecuteResultAsync(context) : ((IResult)_inner).ExecuteAsync(context.HttpContext);
    }
}
