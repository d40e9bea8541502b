using System.Collections;
using System.Reflection;
using System.Text.Json;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>
/// The configuration keys the silo host reads: the keys of its embedded <c>appsettings.json</c>, the bindable properties of its
/// options classes under their sections, backend keys under <c>Caching:Silo:Storage</c>, and <c>Logging:*</c>. Deployment files may
/// set only these (as <c>Caching__Silo__Endpoint__Port</c> environment variables or in JSON).
/// </summary>
internal static class HostConfigurationKeys
{
    public const string HostAppSettings = "src/Silo/Orleans.Caching.Silo.Host/appsettings.json";

    /// <summary>Environment variables the host reads directly (not configuration keys).</summary>
    public static readonly IReadOnlySet<string> PlainEnvironmentVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "POD_IP", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    };

    private static readonly Lazy<HashSet<string>> s_keys = new(Build);

    public static IReadOnlySet<string> Keys => s_keys.Value;

    public static JsonElement HostDefaults => JsonDocument.Parse(RepositoryFiles.Read(HostAppSettings)).RootElement;

    /// <summary>Tells whether a configuration key (<c>:</c>-separated; list indices allowed) is one the host reads.</summary>
    public static bool IsKnown(string key)
    {
        if (key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (key.StartsWith("Caching:Silo:Storage:", StringComparison.OrdinalIgnoreCase))
        {
            string backendKey = key["Caching:Silo:Storage:".Length..];
            return FlaskConfigurationAliases.ToCanonical.ContainsKey(backendKey)
                || FlaskConfigurationAliases.ToCanonical.Values.Contains(backendKey, StringComparer.OrdinalIgnoreCase);
        }

        string normalized = string.Join(':', key.Split(':').Select(part => part.All(char.IsAsciiDigit) ? "0" : part));
        return Keys.Contains(normalized);
    }

    /// <summary>Turns an environment variable name into a configuration key (<c>__</c> → <c>:</c>).</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Lists every key of a JSON settings element, <c>:</c>-separated.</summary>
    public static IEnumerable<string> FlattenJson(JsonElement element, string prefix = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    foreach (string key in FlattenJson(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name))
                    {
                        yield return key;
                    }
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string key in FlattenJson(item, prefix + ":" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        yield return key;
                    }
                }

                break;
            default:
                yield return prefix;
                break;
        }
    }

    private static HashSet<string> Build()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in FlattenJson(HostDefaults))
        {
            keys.Add(key);
        }

        AddProperties(keys, ClusterOptions.SectionName, typeof(ClusterOptions));
        AddProperties(keys, SiloOptions.SectionName, typeof(SiloOptions));
        AddProperties(keys, DashboardOptions.SectionName, typeof(DashboardOptions));
        AddProperties(keys, SiloEndpointOptions.SectionName, typeof(SiloEndpointOptions));
        AddProperties(keys, ClusterMembershipOptions.SectionName, typeof(ClusterMembershipOptions));
        return keys;
    }

    internal static void AddProperties(HashSet<string> keys, string prefix, Type type)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            string key = prefix + ":" + property.Name;
            Type propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.Add(key + ":0");
            }
            else if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Namespace?.StartsWith("Orleans.Caching", StringComparison.Ordinal) == true)
            {
                AddProperties(keys, key, propertyType);
            }
            else if (property.CanWrite)
            {
                keys.Add(key);
            }
        }
    }
}
