using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// One cached view (a controller action, a Razor Pages handler or a minimal-API endpoint), the counterpart of
/// <see cref="CachedFunction{TDelegate}"/>: its options, its writable <see cref="CacheTimeout"/>, and key building and deletion
/// usable outside a request. Keys are built by the same code as <see cref="Cache.Cached{TDelegate}(TDelegate, CachedOptions?)"/>,
/// so a view and a cached function with the same settings share entries.
/// </summary>
public sealed class CachedView
{
    private static readonly Func<HttpContext, HttpContext> s_function = ViewFunction;
    private static readonly CachedResultAdapter s_adapter = new(typeof(CachedResponse<CachedViewResponse>));

    private readonly CachedKeyBuilder _keys;
    private readonly CachedCallFlow _flow;
    private readonly CachedOptions _flowOptions;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="CachedView"/> class.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="options">The view's options.</param>
    /// <param name="method">The view's method (for the source check and the name outside a request), if known.</param>
    /// <param name="maximumBodySize">The largest cached body.</param>
    /// <param name="logger">The logger.</param>
    internal CachedView(Cache cache, CachedViewOptions options, MethodInfo? method, long maximumBodySize, ILogger logger)
    {
        Cache = cache;
        Options = options;
        CacheTimeout = options.Cached.Timeout;
        MaximumBodySize = maximumBodySize;
        _logger = logger;
        Func<object?, bool>? userFilter = options.Cached.ResponseFilter;
        _flowOptions = options.Cached.Clone();
        _flowOptions.ResponseFilter = result => result is CachedResponse { Value: CachedViewResponse response }
            && (userFilter is null ? response.IsSuccessStatusCode : userFilter(response));
        _keys = new CachedKeyBuilder(cache, _flowOptions, method ?? s_function.Method);
        _flow = new CachedCallFlow(cache, _flowOptions, s_adapter, MakeKey, () => CacheTimeout);
    }

    /// <summary>Gets the cache the view's responses are stored in.</summary>
    public Cache Cache { get; }

    /// <summary>Gets the view's options; callbacks are read from them on each request.</summary>
    public CachedViewOptions Options { get; }

    /// <summary>Gets the largest cached body, in bytes.</summary>
    public long MaximumBodySize { get; }

    /// <summary>Gets or sets the time-to-live of new entries (<c>cache_timeout</c>), read on each request. A timeout set by the view
    /// for one response (<see cref="CachedViewHttpContextExtensions.SetCachedResponseTimeout(HttpContext, CacheTimeout)"/>) wins.</summary>
    public CacheTimeout? CacheTimeout { get; set; }

    /// <summary>Builds the key the view uses for a path and query (<c>make_cache_key(path=..., query_args=...)</c>), outside a request
    /// or inside one (then <see langword="null"/> arguments mean the current request's). Custom key functions are not consulted.</summary>
    /// <param name="path">The request path, such as <c>/works</c>.</param>
    /// <param name="queryArgs">With <see cref="CachedOptions.QueryString"/>: a query string, pairs, a dictionary or an anonymous object.</param>
    /// <returns>The key.</returns>
    public string MakeCacheKey(string? path = null, object? queryArgs = null) => _keys.Build(path, queryArgs);

    /// <summary>Deletes the entry the view stored for a path and query (<c>delete_cached</c>), usable outside a request.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="queryArgs">With <see cref="CachedOptions.QueryString"/>: the query in any form <see cref="MakeCacheKey"/> takes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The backend's delete result (whether the key existed, on most backends).</returns>
    public ValueTask<bool> DeleteCachedAsync(string? path = null, object? queryArgs = null, CancellationToken cancellationToken = default)
        => Cache.DeleteAsync(MakeCacheKey(path, queryArgs), cancellationToken);

    /// <summary>Answers a request from the cache or runs the view, capturing and storing its response.</summary>
    /// <param name="context">The request.</param>
    /// <param name="view">Runs the view and writes its response; returns <see langword="false"/> when it failed (MVC keeps the
    /// exception in its context) so the response must not be stored. Exceptions it throws propagate.</param>
    /// <returns><see langword="true"/> if the view ran; <see langword="false"/> if the response was written from the cache.</returns>
    internal async Task<bool> InvokeAsync(HttpContext context, Func<Task<bool>> view)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            await view().ConfigureAwait(false);
            return true;
        }

        using IDisposable? scope = HttpCacheRequestContext.Ensure(context);
        if (_flowOptions.MakeCacheKey is not null)
        {
            await CachedViewHttpContextExtensions.BufferRequestBodyAsync(context, MaximumBodySize).ConfigureAwait(false);
        }

        var invocation = new CacheInvocation(s_function, s_function.Method, null, [context], context.RequestAborted);
        bool ran = false;
        object? result = await _flow.InvokeAsync(invocation, async () =>
        {
            ran = true;
            return await RunAsync(context, view).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (!ran && result is CachedResponse { Value: CachedViewResponse stored })
        {
            await WriteAsync(context, stored).ConfigureAwait(false);
        }

        return ran;
    }

    private static HttpContext ViewFunction(HttpContext httpContext) => httpContext;

    private string MakeKey(CacheInvocation invocation) => _flowOptions.MakeCacheKey is { } custom ? custom(invocation) : _keys.Build(null, null);

    private async ValueTask<object?> RunAsync(HttpContext context, Func<Task<bool>> view)
    {
        var capture = new ResponseCapture(context, MaximumBodySize);
        bool succeeded;
        try
        {
            succeeded = await view().ConfigureAwait(false);
            await capture.FinishAsync().ConfigureAwait(false);
        }
        finally
        {
            capture.Restore();
        }

        CachedViewResponse? response = null;
        if (succeeded)
        {
            response = capture.ToResponse(context.Response, out string? reason);
            if (reason is not null)
            {
                Log.ViewResponseNotCached(_logger, context.Request.Path.Value ?? string.Empty, reason);
            }
        }

        return new CachedResponse<CachedViewResponse>(response!, CachedViewHttpContextExtensions.GetCachedResponseTimeout(context));
    }

    private Task WriteAsync(HttpContext context, CachedViewResponse stored)
        => CachedViewResponseWriter.WriteAsync(context, stored, Options.ResponseHitIndication);
}
