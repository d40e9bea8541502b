using System.Reflection;
using System.Text;

namespace Orleans.Caching;

/// <summary>
/// Builds the built-in key of a <c>cached</c> function (Flask-Caching's default <c>make_cache_key</c>, §2.1): the prefix
/// (callable, <c>%s</c> replaced by the path, or literal), then, without <c>query_string</c>, the hex digest of the source
/// fingerprint when source check is on; with <c>query_string</c>, the hex digest of the sorted query pairs' tuple text
/// (with the fingerprint fed into the same hash when source check is on). Function arguments are never part of the key.
/// </summary>
internal sealed class CachedKeyBuilder
{
    private readonly Cache _cache;
    private readonly CachedOptions _options;
    private readonly Lazy<byte[]> _fingerprint;

    /// <summary>Initializes a new instance of the <see cref="CachedKeyBuilder"/> class.</summary>
    /// <param name="cache">The cache (its hash method and source-check default are read per key).</param>
    /// <param name="options">The decorator options.</param>
    /// <param name="method">The method behind the function.</param>
    public CachedKeyBuilder(Cache cache, CachedOptions options, MethodInfo method)
    {
        _cache = cache;
        _options = options;
        FunctionName = method.DeclaringType is { } type ? type.FullName + "." + method.Name : method.Name;
        _fingerprint = new(() => MethodFingerprint.Of(method));
    }

    /// <summary>Gets the name substituted for <c>%s</c> when there is neither an explicit path nor an ambient request.</summary>
    public string FunctionName { get; }

    /// <summary>Builds the key.</summary>
    /// <param name="path">An explicit path; <see langword="null"/> uses the ambient request's, else <see cref="FunctionName"/>.</param>
    /// <param name="queryArgs">Explicit query arguments (see <see cref="CachedQueryArguments"/>); <see langword="null"/> uses the ambient request's, else none.</param>
    /// <returns>The key.</returns>
    public string Build(string? path, object? queryArgs)
    {
        ICacheRequestContext? request = CacheRequestContext.Current;
        string prefix = ResolvePrefix(path ?? request?.Path ?? FunctionName);
        bool sourceCheck = _options.SourceCheck ?? _cache.Options.SourceCheck;
        CacheHashMethod hashMethod = _options.HashMethod ?? _cache.HashMethod;
        if (!_options.QueryString)
        {
            return sourceCheck ? prefix + hashMethod.ComputeHexDigest(_fingerprint.Value) : prefix;
        }

        IReadOnlyList<KeyValuePair<string, string>> pairs = queryArgs is not null
            ? CachedQueryArguments.ToPairs(queryArgs)
            : request?.Query ?? [];
        List<KeyValuePair<string, string>> sorted = pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .ToList();
        byte[] text = Encoding.UTF8.GetBytes(QueryPairsText.Format(sorted));
        if (sourceCheck)
        {
            byte[] fingerprint = _fingerprint.Value;
            var combined = new byte[text.Length + fingerprint.Length];
            text.CopyTo(combined, 0);
            fingerprint.CopyTo(combined, text.Length);
            text = combined;
        }

        return prefix + hashMethod.ComputeHexDigest(text);
    }

    private string ResolvePrefix(string path)
    {
        if (_options.KeyPrefixFactory is { } factory)
        {
            return factory() ?? throw new InvalidOperationException("CachedOptions.KeyPrefixFactory returned null.");
        }

        string prefix = _options.KeyPrefix ?? throw new InvalidOperationException("CachedOptions.KeyPrefix must not be null.");
        int slot = prefix.IndexOf("%s", StringComparison.Ordinal);
        return slot < 0 ? prefix : string.Concat(prefix.AsSpan(0, slot), path, prefix.AsSpan(slot + 2));
    }
}
