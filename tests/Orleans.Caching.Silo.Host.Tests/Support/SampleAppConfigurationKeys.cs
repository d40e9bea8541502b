using System.Text.Json;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>
/// The configuration keys the sample web app (<c>samples/WebApp</c>) reads: the keys of its <c>appsettings.json</c>, the cache's
/// <see cref="CacheOptions"/> under <c>Caching</c> (what <c>AddOrleansCaching(configuration)</c> binds), the cluster client's
/// <see cref="ClusterOptions"/> under <c>Caching:Cluster</c>, and <c>Logging:*</c>.
/// </summary>
internal static class SampleAppConfigurationKeys
{
    public const string AppSettings = "samples/WebApp/appsettings.json";

    /// <summary>Environment variables ASP.NET Core reads directly (not <c>Caching</c> keys).</summary>
    public static readonly IReadOnlySet<string> PlainEnvironmentVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS",
    };

    private static readonly Lazy<HashSet<string>> s_keys = new(Build);

    /// <summary>Tells whether an environment variable is one the sample app reads.</summary>
    public static bool IsKnownEnvironmentVariable(string name)
    {
        if (PlainEnvironmentVariables.Contains(name))
        {
            return true;
        }

        string key = HostConfigurationKeys.FromEnvironmentName(name);
        if (key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string normalized = string.Join(':', key.Split(':').Select(part => part.All(char.IsAsciiDigit) ? "0" : part));
        return s_keys.Value.Contains(normalized);
    }

    private static HashSet<string> Build()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in HostConfigurationKeys.FlattenJson(JsonDocument.Parse(RepositoryFiles.Read(AppSettings)).RootElement))
        {
            keys.Add(key);
        }

        HostConfigurationKeys.AddProperties(keys, "Caching", typeof(CacheOptions));
        HostConfigurationKeys.AddProperties(keys, ClusterOptions.SectionName, typeof(ClusterOptions));
        return keys;
    }
}
