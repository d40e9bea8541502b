namespace Orleans.Caching;

/// <summary>
/// The request a <c>cached</c> function runs in, as key building sees it: Flask's <c>request.path</c> and
/// <c>request.args</c>. The ASP.NET Core integration supplies it; code outside a web request can set
/// <see cref="CacheRequestContext.Current"/> itself.
/// </summary>
public interface ICacheRequestContext
{
    /// <summary>Gets the request path, such as <c>/works</c> (no query string).</summary>
    string Path { get; }

    /// <summary>Gets the query parameters in request order, repeated names included.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Query { get; }
}
