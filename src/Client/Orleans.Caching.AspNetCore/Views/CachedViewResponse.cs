namespace Orleans.Caching.AspNetCore;

/// <summary>
/// What a cached view stores: the response's status code, content type, a safe subset of its headers and its body.
/// <see cref="CachedOptions.ResponseFilter"/> and <see cref="CachedOptions.IsStale"/> of a view receive one.
/// </summary>
public sealed class CachedViewResponse
{
    /// <summary>Gets the status code.</summary>
    public int StatusCode { get; init; }

    /// <summary>Gets the content type, or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the stored headers (<c>Content-Language</c>, <c>Content-Disposition</c>, <c>ETag</c>, <c>Last-Modified</c>,
    /// <c>Location</c>, <c>Vary</c>); never cookies or per-connection headers.</summary>
    public Dictionary<string, string[]> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the body.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>Gets a value indicating whether the status code is 2xx (the responses cached by default).</summary>
    public bool IsSuccessStatusCode => StatusCode is >= 200 and < 300;
}
