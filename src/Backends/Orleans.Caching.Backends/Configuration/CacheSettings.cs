using System.Globalization;

namespace Orleans.Caching;

/// <summary>
/// The <c>Caching</c> section set in code (Flask-Caching's <c>Cache(config={...})</c>): every property left <see langword="null"/>
/// falls back to configuration; every property set wins over it.
/// </summary>
public sealed class CacheSettings
{
    /// <summary>Gets or sets the backend name or type name (<c>CACHE_TYPE</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (<c>Local</c>, an embedded silo, when nothing does).</value>
    public string? Type { get; set; }

    /// <summary>Gets or sets the timeout used when an operation passes none (<c>CACHE_DEFAULT_TIMEOUT</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (300 seconds when nothing does).</value>
    public CacheTimeout? DefaultTimeout { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>delete_many</c> ignores keys it could not delete (<c>CACHE_IGNORE_ERRORS</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (<see langword="false"/> when nothing does).</value>
    public bool? IgnoreErrors { get; set; }

    /// <summary>Gets or sets the item count above which Simple and FileSystem caches prune (<c>CACHE_THRESHOLD</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (500 when nothing does).</value>
    public int? Threshold { get; set; }

    /// <summary>Gets or sets the prefix of every stored key (<c>CACHE_KEY_PREFIX</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public string? KeyPrefix { get; set; }

    /// <summary>Gets or sets the directory of the FileSystem cache (<c>CACHE_DIR</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public string? Dir { get; set; }

    /// <summary>Gets or sets the Unix permission mode of cache files (<c>CACHE_FILE_MODE</c>), such as <c>0x180</c> (octal 0600).</summary>
    /// <value><see langword="null"/>: configuration decides (0600 when nothing does).</value>
    public int? FileMode { get; set; }

    /// <summary>Gets or sets the hash method naming cache files (<c>CACHE_FILE_HASH_METHOD</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (<c>"sha256"</c> when nothing does).</value>
    public string? FileHashMethod { get; set; }

    /// <summary>Gets or sets the hash method of decorator keys (<c>CACHE_HASH_METHOD</c>).</summary>
    /// <value><see langword="null"/>: configuration decides (<c>"sha256"</c> when nothing does).</value>
    public string? HashMethod { get; set; }

    /// <summary>Gets or sets a value indicating whether decorators fold the function body into keys (<c>CACHE_SOURCE_CHECK</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public bool? SourceCheck { get; set; }

    /// <summary>Gets or sets a value indicating whether hit and miss signals are raised (<c>CACHE_ENABLE_SIGNALS</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public bool? EnableSignals { get; set; }

    /// <summary>Gets or sets a value indicating whether decorator failures are thrown instead of logged (Flask's debug mode).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public bool? Debug { get; set; }

    /// <summary>Gets or sets the serializer: <c>"Json"</c> or the type name of an <c>ICacheSerializer</c> (<c>CACHE_SERIALIZER</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public string? Serializer { get; set; }

    /// <summary>Gets or sets a value indicating whether the warning about a <c>NullCache</c> is silenced (<c>CACHE_NO_NULL_WARNING</c>).</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public bool? NoNullWarning { get; set; }

    /// <summary>Gets or sets the positional backend arguments (<c>CACHE_ARGS</c>); when set, they replace configured ones.</summary>
    /// <value><see langword="null"/>: configuration decides.</value>
    public IList<string>? Args { get; set; }

    /// <summary>Gets the backend option overrides (<c>CACHE_OPTIONS</c>), such as <c>["threshold"] = "7"</c>; merged key by key over configured ones.</summary>
    public IDictionary<string, string?> Options { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets other keys of the section by canonical name (<c>"Redis:Host"</c>) or Flask-Caching name (<c>"CACHE_REDIS_HOST"</c>).</summary>
    public IDictionary<string, string?> Values { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lists the canonical keys this object sets.</summary>
    /// <returns>Key and value pairs relative to the <c>Caching</c> section.</returns>
    internal List<KeyValuePair<string, string?>> ToOverrides()
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach ((string key, string? value) in Values)
        {
            values.Add(new(FlaskConfigurationAliases.ToCanonical.GetValueOrDefault(key) ?? key, value));
        }

        Add(values, "Type", Type);
        Add(values, "DefaultTimeout", DefaultTimeout?.ToString());
        Add(values, "IgnoreErrors", Format(IgnoreErrors));
        Add(values, "Threshold", Threshold?.ToString(CultureInfo.InvariantCulture));
        Add(values, "KeyPrefix", KeyPrefix);
        Add(values, "Dir", Dir);
        Add(values, "FileMode", FileMode is { } mode ? "0" + Convert.ToString(mode, 8) : null);
        Add(values, "FileHashMethod", FileHashMethod);
        Add(values, "HashMethod", HashMethod);
        Add(values, "SourceCheck", Format(SourceCheck));
        Add(values, "EnableSignals", Format(EnableSignals));
        Add(values, "Debug", Format(Debug));
        Add(values, "Serializer", Serializer);
        Add(values, "NoNullWarning", Format(NoNullWarning));
        if (Args is not null)
        {
            values.Add(new("Args", Args.Count == 0 ? string.Empty : null));
            values.RemoveAll(v => v.Key == "Args" && v.Value is null);
            for (int i = 0; i < Args.Count; i++)
            {
                values.Add(new($"Args:{i.ToString(CultureInfo.InvariantCulture)}", Args[i]));
            }
        }

        foreach ((string key, string? value) in Options)
        {
            values.Add(new($"Options:{key}", value));
        }

        return values;
    }

    private static void Add(List<KeyValuePair<string, string?>> values, string key, string? value)
    {
        if (value is not null)
        {
            values.Add(new(key, value));
        }
    }

    private static string? Format(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
