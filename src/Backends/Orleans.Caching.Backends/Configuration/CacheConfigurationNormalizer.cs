using Microsoft.Extensions.Configuration;

namespace Orleans.Caching;

/// <summary>
/// Turns the <c>Caching</c> section, with the Flask-Caching <c>CACHE_*</c> names accepted as aliases, into one configuration of
/// canonical keys (<c>Type</c>, <c>DefaultTimeout</c>, <c>Options:threshold</c>, <c>Args:0</c>, <c>Redis:Host</c>, ...) ready to bind.
/// </summary>
/// <remarks>
/// <para>Precedence, highest first: values set in code (<see cref="CacheSettings"/>); then, when the configuration root is given,
/// the source added last wins whichever name it uses (so <c>CACHE_TYPE</c> in the environment overrides <c>Caching:Type</c> from
/// <c>appsettings.json</c>, exactly as <c>Caching__Type</c> would); within one source, a canonical key in the section
/// (<c>Caching:Type</c>) beats an alias in the section (<c>Caching:CACHE_TYPE</c>), which beats an alias at the root
/// (<c>CACHE_TYPE</c>). Given only the <c>Caching</c> section, the same order applies without sources.</para>
/// <para><c>Options</c> (<c>CACHE_OPTIONS</c>) is a section or a JSON object text and merges key by key across those layers.
/// <c>Args</c> (<c>CACHE_ARGS</c>) is a section array, a JSON array text or a comma-separated list; the highest layer that sets it
/// replaces it whole, as do the lists <c>Redis:Sentinels</c> and <c>Memcached:Servers</c>.</para>
/// <para>A named instance (<c>Caching:Instances:&lt;name&gt;</c>) starts from its parent's normalized keys and overrides them with its
/// own, with the same rules.</para>
/// </remarks>
public static class CacheConfigurationNormalizer
{
    /// <summary>The name of the configuration section: <c>Caching</c>.</summary>
    public const string SectionName = "Caching";

    /// <summary>The sub-section holding named instances: <c>Instances</c>.</summary>
    public const string InstancesKey = "Instances";

    private static readonly string[] s_wholeKeys = ["Args", "Redis:Sentinels", "Memcached:Servers"];

    /// <summary>Normalizes the <c>Caching</c> section of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The application's configuration root (aliases at its root count), or the <c>Caching</c> section itself.</param>
    /// <param name="overrides">Canonical keys set in code; they win over configuration.</param>
    /// <returns>A configuration of canonical keys, without the <c>Instances</c> sub-section.</returns>
    /// <exception cref="CacheConfigurationException"><c>Options</c> or <c>Args</c> text does not parse.</exception>
    public static IConfiguration Normalize(IConfiguration configuration, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfiguration section = GetCachingSection(configuration, out IConfiguration? root);
        var layers = new List<Dictionary<string, string?>>();
        if (root is IConfigurationRoot configurationRoot)
        {
            // Later sources win, whichever name they use: CACHE_TYPE in the environment overrides Caching:Type in
            // appsettings.json, as Caching__Type would. Within one source the canonical key beats its alias.
            foreach (IConfigurationProvider provider in configurationRoot.Providers)
            {
                Dictionary<string, string?> sectionKeys = FlattenProvider(provider, SectionName);
                layers.Add(AliasLayer(FlattenProvider(provider, null)));
                layers.Add(AliasLayer(sectionKeys));
                layers.Add(CanonicalLayer(sectionKeys));
            }
        }
        else
        {
            if (root is not null)
            {
                layers.Add(AliasLayer(Flatten(root)));
            }

            Dictionary<string, string?> flat = Flatten(section);
            layers.Add(AliasLayer(flat));
            layers.Add(CanonicalLayer(flat));
        }

        layers.Add(OverrideLayer(overrides));
        return Build(Merge(layers, SectionName));
    }

    /// <summary>Normalizes a named instance's section over its parent's normalized keys.</summary>
    /// <param name="parent">The parent's normalized configuration (from <see cref="Normalize"/>).</param>
    /// <param name="instanceSection">The instance's own keys (canonical or <c>CACHE_*</c>); may be empty.</param>
    /// <param name="instanceName">The instance name, for messages.</param>
    /// <param name="overrides">Canonical keys set in code for this instance.</param>
    /// <returns>The instance's configuration of canonical keys.</returns>
    public static IConfiguration NormalizeInstance(IConfiguration parent, IConfiguration instanceSection, string instanceName, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(instanceSection);
        ArgumentNullException.ThrowIfNull(instanceName);
        Dictionary<string, string?> flat = Flatten(instanceSection);
        var layers = new List<Dictionary<string, string?>>
        {
            Flatten(parent),
            AliasLayer(flat),
            CanonicalLayer(flat),
            OverrideLayer(overrides),
        };
        return Build(Merge(layers, $"{SectionName}:{InstancesKey}:{instanceName}"));
    }

    /// <summary>Normalizes a section that configures a backend on its own (such as a silo's storage, <c>Caching:Silo:Storage</c>): its
    /// <c>CACHE_*</c> aliases become canonical keys (the canonical key wins), <c>Options</c> and <c>Args</c> texts are expanded.</summary>
    /// <param name="section">The section.</param>
    /// <param name="sectionPath">Its full path, for messages.</param>
    /// <returns>A configuration of canonical keys.</returns>
    /// <exception cref="CacheConfigurationException"><c>Options</c> or <c>Args</c> text does not parse.</exception>
    public static IConfiguration NormalizeSection(IConfiguration section, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(sectionPath);
        Dictionary<string, string?> flat = Flatten(section);
        return Build(Merge([AliasLayer(flat), CanonicalLayer(flat)], sectionPath));
    }

    /// <summary>Lists the named instances declared under <c>Caching:Instances</c>.</summary>
    /// <param name="configuration">The configuration root or the <c>Caching</c> section.</param>
    /// <returns>The instance names with their sections.</returns>
    public static IReadOnlyList<IConfigurationSection> GetInstanceSections(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return GetCachingSection(configuration, out _).GetSection(InstancesKey).GetChildren().ToList();
    }

    internal static IConfiguration GetCachingSection(IConfiguration configuration, out IConfiguration? root)
    {
        if (configuration is IConfigurationSection section && string.Equals(section.Key, SectionName, StringComparison.OrdinalIgnoreCase))
        {
            root = null;
            return section;
        }

        root = configuration;
        return configuration.GetSection(SectionName);
    }

    private static Dictionary<string, string?> Flatten(IConfiguration configuration)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string?> pair in configuration.AsEnumerable(makePathsRelative: true))
        {
            if (pair.Key.Length > 0 && pair.Value is not null)
            {
                flat[pair.Key] = pair.Value;
            }
        }

        return flat;
    }

    /// <summary>Flattens the keys one provider holds under <paramref name="sectionPath"/> (all of them when <see langword="null"/>), relative to it.</summary>
    private static Dictionary<string, string?> FlattenProvider(IConfigurationProvider provider, string? sectionPath)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        int skip = sectionPath is null ? 0 : sectionPath.Length + 1;
        var pending = new Stack<string?>();
        pending.Push(sectionPath);
        while (pending.Count > 0)
        {
            string? path = pending.Pop();
            foreach (string child in provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                string full = path is null ? child : path + ConfigurationPath.KeyDelimiter + child;
                if (provider.TryGet(full, out string? value) && value is not null)
                {
                    flat[full[skip..]] = value;
                }

                pending.Push(full);
            }
        }

        return flat;
    }

    private static Dictionary<string, string?> AliasLayer(Dictionary<string, string?> flat)
    {
        var layer = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in flat)
        {
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            string head = colon < 0 ? key : key[..colon];
            if (FlaskConfigurationAliases.ToCanonical.TryGetValue(head, out string? canonical))
            {
                layer[colon < 0 ? canonical : canonical + key[colon..]] = value;
            }
        }

        return layer;
    }

    private static Dictionary<string, string?> CanonicalLayer(Dictionary<string, string?> flat)
    {
        var layer = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in flat)
        {
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            string head = colon < 0 ? key : key[..colon];
            if (!FlaskConfigurationAliases.ToCanonical.ContainsKey(head) && !string.Equals(head, InstancesKey, StringComparison.OrdinalIgnoreCase))
            {
                layer[key] = value;
            }
        }

        return layer;
    }

    private static Dictionary<string, string?> OverrideLayer(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var layer = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in overrides ?? [])
        {
            layer[key] = value;
        }

        return layer;
    }

    private static Dictionary<string, string?> Merge(List<Dictionary<string, string?>> layers, string sectionPath)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Dictionary<string, string?> layer in layers)
        {
            CacheConfigurationText.ExpandOptions(layer, sectionPath);
            CacheConfigurationText.ExpandArgs(layer);
            foreach (string whole in s_wholeKeys)
            {
                if (layer.Keys.Any(k => IsUnder(k, whole)))
                {
                    foreach (string stale in merged.Keys.Where(k => IsUnder(k, whole)).ToList())
                    {
                        merged.Remove(stale);
                    }
                }
            }

            foreach ((string key, string? value) in layer)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static bool IsUnder(string key, string prefix)
        => key.Equals(prefix, StringComparison.OrdinalIgnoreCase)
           || (key.Length > prefix.Length && key[prefix.Length] == ':' && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static IConfigurationRoot Build(Dictionary<string, string?> merged)
        => new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
}
