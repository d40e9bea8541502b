using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>The <see cref="ICacheRequestContext"/> of an ASP.NET Core request: its path (<c>Request.Path</c>, without the
/// path base) and its query pairs in request order, parsed the way <see cref="CacheRequestContext"/> parses them.</summary>
internal sealed class HttpCacheRequestContext : ICacheRequestContext
{
    private IReadOnlyList<KeyValuePair<string, string>>? _query;

    /// <summary>Initializes a new instance of the <see cref="HttpCacheRequestContext"/> class.</summary>
    /// <param name="context">The request.</param>
    public HttpCacheRequestContext(HttpContext context)
    {
        Context = context;
    }

    /// <summary>Gets the request.</summary>
    public HttpContext Context { get; }

    /// <inheritdoc/>
    public string Path => Context.Request.Path.Value ?? string.Empty;

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> Query
        => _query ??= CachedQueryArguments.ParseQueryString(Context.Request.QueryString.Value ?? string.Empty);

    /// <summary>Makes the request the ambient <see cref="CacheRequestContext.Current"/> unless it already is.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A scope to dispose, or <see langword="null"/>.</returns>
    public static IDisposable? Ensure(HttpContext context)
        => CacheRequestContext.Current is HttpCacheRequestContext current && ReferenceEquals(current.Context, context)
            ? null
            : CacheRequestContext.Push(new HttpCacheRequestContext(context));
}
