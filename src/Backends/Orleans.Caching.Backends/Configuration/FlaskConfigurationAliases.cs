namespace Orleans.Caching;

/// <summary>
/// The Flask-Caching configuration names (<c>CACHE_TYPE</c>, <c>CACHE_DEFAULT_TIMEOUT</c>, ...) and the canonical keys of the
/// <c>Caching</c> section they stand for (<c>Type</c>, <c>DefaultTimeout</c>, ...).
/// </summary>
/// <remarks>An alias may appear inside the <c>Caching</c> section or at the configuration root, so the environment variable
/// <c>CACHE_TYPE=SimpleCache</c> works. See <see cref="CacheConfigurationNormalizer"/> for the precedence.</remarks>
public static class FlaskConfigurationAliases
{
    private static readonly Dictionary<string, string> s_toCanonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CACHE_TYPE"] = "Type",
        ["CACHE_DEFAULT_TIMEOUT"] = "DefaultTimeout",
        ["CACHE_IGNORE_ERRORS"] = "IgnoreErrors",
        ["CACHE_THRESHOLD"] = "Threshold",
        ["CACHE_KEY_PREFIX"] = "KeyPrefix",
        ["CACHE_DIR"] = "Dir",
        ["CACHE_FILE_MODE"] = "FileMode",
        ["CACHE_FILE_HASH_METHOD"] = "FileHashMethod",
        ["CACHE_HASH_METHOD"] = "HashMethod",
        ["CACHE_SOURCE_CHECK"] = "SourceCheck",
        ["CACHE_ENABLE_SIGNALS"] = "EnableSignals",
        ["CACHE_SERIALIZER"] = "Serializer",
        ["CACHE_NO_NULL_WARNING"] = "NoNullWarning",
        ["CACHE_OPTIONS"] = "Options",
        ["CACHE_ARGS"] = "Args",
        ["CACHE_REDIS_HOST"] = "Redis:Host",
        ["CACHE_REDIS_PORT"] = "Redis:Port",
        ["CACHE_REDIS_PASSWORD"] = "Redis:Password",
        ["CACHE_REDIS_DB"] = "Redis:Db",
        ["CACHE_REDIS_URL"] = "Redis:Url",
        ["CACHE_REDIS_SENTINELS"] = "Redis:Sentinels",
        ["CACHE_REDIS_SENTINEL_MASTER"] = "Redis:SentinelMaster",
        ["CACHE_REDIS_SENTINEL_PASSWORD"] = "Redis:SentinelPassword",
        ["CACHE_REDIS_CLUSTER"] = "Redis:Cluster",
        ["CACHE_MEMCACHED_SERVERS"] = "Memcached:Servers",
        ["CACHE_MEMCACHED_USERNAME"] = "Memcached:Username",
        ["CACHE_MEMCACHED_PASSWORD"] = "Memcached:Password",
    };

    private static readonly Dictionary<string, string> s_toAlias =
        s_toCanonical.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets every Flask-Caching name mapped to its canonical key relative to the <c>Caching</c> section.</summary>
    public static IReadOnlyDictionary<string, string> ToCanonical => s_toCanonical;

    /// <summary>Finds the Flask-Caching name of a canonical key.</summary>
    /// <param name="canonicalKey">A key relative to the <c>Caching</c> section, such as <c>Threshold</c> or <c>Redis:Host</c>.</param>
    /// <returns>The Flask-Caching name, such as <c>CACHE_THRESHOLD</c>, or <see langword="null"/> if it has none.</returns>
    public static string? GetAlias(string canonicalKey)
    {
        ArgumentNullException.ThrowIfNull(canonicalKey);
        return s_toAlias.GetValueOrDefault(canonicalKey);
    }

    /// <summary>Describes a key for error messages: <c>Caching:Threshold (CACHE_THRESHOLD)</c>.</summary>
    /// <param name="sectionPath">The path of the section, such as <c>Caching</c> or <c>Caching:Instances:reports</c>.</param>
    /// <param name="canonicalKey">The canonical key relative to that section.</param>
    /// <returns>The description.</returns>
    public static string Describe(string sectionPath, string canonicalKey)
    {
        string full = string.IsNullOrEmpty(sectionPath) ? canonicalKey : sectionPath + ":" + canonicalKey;
        return GetAlias(canonicalKey) is { } alias ? $"{full} ({alias})" : full;
    }

    /// <summary>Tells whether a value under this key must never appear in logs or messages.</summary>
    /// <param name="key">Any configuration key.</param>
    /// <returns><see langword="true"/> for passwords and secrets.</returns>
    internal static bool IsSecret(string key)
        => key.Contains("password", StringComparison.OrdinalIgnoreCase)
           || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
           || key.EndsWith("Url", StringComparison.OrdinalIgnoreCase);
}
