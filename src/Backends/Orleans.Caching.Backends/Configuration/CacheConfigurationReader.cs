using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Orleans.Caching;

/// <summary>Reads typed values from a normalized <c>Caching</c> configuration; every failure names the key, its
/// Flask-Caching alias and the bad value (secrets are masked).</summary>
internal sealed class CacheConfigurationReader
{
    private const int MaxFileMode = 0x1FF; // 0777

    public CacheConfigurationReader(IConfiguration configuration, string sectionPath)
    {
        Configuration = configuration;
        SectionPath = sectionPath;
    }

    public IConfiguration Configuration { get; }

    public string SectionPath { get; }

    public string Describe(string key) => FlaskConfigurationAliases.Describe(SectionPath, key);

    public string? GetString(string key) => Configuration[key];

    public string? GetNonEmptyString(string key) => string.IsNullOrWhiteSpace(Configuration[key]) ? null : Configuration[key]!.Trim();

    public int GetInt32(string key, int defaultValue, int min = int.MinValue)
        => GetNonEmptyString(key) is { } text ? ParseInt32(text, Describe(key), FullKey(key), min) : defaultValue;

    public long GetInt64(string key, long defaultValue, long min = long.MinValue)
    {
        if (GetNonEmptyString(key) is not { } text)
        {
            return defaultValue;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Invalid(FullKey(key), Describe(key), text, "it is not a whole number");
        }

        return value >= min ? value : throw Invalid(FullKey(key), Describe(key), text, $"it must be {min} or greater");
    }

    public bool GetBoolean(string key, bool defaultValue)
        => GetNonEmptyString(key) is { } text ? ParseBoolean(text, Describe(key), FullKey(key)) : defaultValue;

    public CacheTimeout GetTimeout(string key, CacheTimeout defaultValue)
        => GetNonEmptyString(key) is { } text ? ParseTimeout(text, Describe(key), FullKey(key)) : defaultValue;

    public int GetFileMode(string key, int defaultValue)
        => GetNonEmptyString(key) is { } text ? ParseFileMode(text, Describe(key), FullKey(key)) : defaultValue;

    public string GetHashMethodName(string key, string defaultValue)
        => GetNonEmptyString(key) is { } text ? ParseHashMethod(text, Describe(key), FullKey(key)).Name : defaultValue;

    public IReadOnlyList<string> GetArgs()
        => Configuration.GetSection("Args").GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : int.MaxValue)
            .Select(c => c.Value ?? string.Empty)
            .ToList();

    public IReadOnlyDictionary<string, string?> GetOptions()
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string?> pair in Configuration.GetSection("Options").AsEnumerable(makePathsRelative: true))
        {
            if (pair.Key.Length > 0 && pair.Value is not null)
            {
                options[pair.Key] = pair.Value;
            }
        }

        return options;
    }

    public string FullKey(string key) => string.IsNullOrEmpty(SectionPath) ? key : SectionPath + ":" + key;

    public static int ParseInt32(string text, string description, string fullKey, int min = int.MinValue)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw Invalid(fullKey, description, text, "it is not a whole number");
        }

        return value >= min ? value : throw Invalid(fullKey, description, text, $"it must be {min} or greater");
    }

    public static bool ParseBoolean(string text, string description, string fullKey) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw Invalid(fullKey, description, text, "expected true or false"),
    };

    public static CacheTimeout ParseTimeout(string text, string description, string fullKey)
    {
        try
        {
            return CacheTimeout.Parse(text);
        }
        catch (FormatException ex)
        {
            throw Invalid(fullKey, description, text, "expected whole seconds (\"300\", 0 = never expires) or a time span (\"00:05:00\")", ex);
        }
    }

    public static int ParseFileMode(string text, string description, string fullKey)
    {
        string trimmed = text.Trim();
        bool octal = trimmed.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || (trimmed.Length > 1 && trimmed[0] == '0');
        string digits = trimmed.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        int mode;
        try
        {
            mode = octal ? Convert.ToInt32(digits, 8) : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw Invalid(fullKey, description, text, "expected a Unix permission mode as octal text such as \"0600\" or its decimal value (384)", ex);
        }

        return mode is >= 0 and <= MaxFileMode
            ? mode
            : throw Invalid(fullKey, description, text, "a Unix permission mode lies between 0 and 0777; write octal modes with a leading 0 (\"0600\")");
    }

    public static CacheHashMethod ParseHashMethod(string text, string description, string fullKey)
    {
        try
        {
            return CacheHashMethod.FromName(text);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(fullKey, description, text, $"known hash methods: {string.Join(", ", CacheHashMethod.All.Select(m => m.Name))}", ex);
        }
    }

    public static CacheConfigurationException Invalid(string fullKey, string description, string? value, string reason, Exception? inner = null)
    {
        string shown = FlaskConfigurationAliases.IsSecret(fullKey) ? "***" : value ?? "(null)";
        return new CacheConfigurationException(fullKey, $"Invalid cache configuration: {description} is '{shown}'; {reason}.", inner);
    }
}
