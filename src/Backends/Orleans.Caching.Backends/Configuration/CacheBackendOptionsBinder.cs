using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Orleans.Caching;

/// <summary>Binds <see cref="CacheBackendOptions"/> from a normalized section and applies <c>CACHE_OPTIONS</c> overrides to any options object.</summary>
internal static class CacheBackendOptionsBinder
{
    public static CacheBackendOptions BindCommon(CacheConfigurationReader reader, IReadOnlyDictionary<string, string?> overrides)
    {
        var options = new CacheBackendOptions
        {
            DefaultTimeout = reader.GetTimeout("DefaultTimeout", CacheTimeout.FromSeconds(300)),
            IgnoreDeleteManyErrors = reader.GetBoolean("IgnoreErrors", defaultValue: false),
            KeyPrefix = reader.GetString("KeyPrefix") ?? string.Empty,
            MaxKeyBytes = reader.GetInt32("MaxKeyBytes", CacheBackendOptions.DefaultMaxKeyBytes, min: 1),
            MaxValueBytes = reader.GetInt64("MaxValueBytes", CacheBackendOptions.DefaultMaxValueBytes, min: 1),
        };
        ApplyOverrides(options, overrides, optionNames: null, ignoreUnknown: true, reader.SectionPath);
        return options;
    }

    public static void CopyCommon(CacheBackendOptions source, CacheBackendOptions target)
    {
        target.DefaultTimeout = source.DefaultTimeout;
        target.IgnoreDeleteManyErrors = source.IgnoreDeleteManyErrors;
        target.KeyPrefix = source.KeyPrefix;
        target.KeyPrefixFactory = source.KeyPrefixFactory;
        target.MaxKeyBytes = source.MaxKeyBytes;
        target.MaxValueBytes = source.MaxValueBytes;
    }

    /// <summary>Sets the properties named by <paramref name="overrides"/> (case-insensitive; underscores ignored, so
    /// <c>default_timeout</c> sets <c>DefaultTimeout</c>).</summary>
    public static void ApplyOverrides(object target, IReadOnlyDictionary<string, string?> overrides, IReadOnlyDictionary<string, string>? optionNames, bool ignoreUnknown, string sectionPath)
    {
        if (overrides.Count == 0)
        {
            return;
        }

        Dictionary<string, PropertyInfo> properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.PropertyType != typeof(Func<string>))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? value) in overrides)
        {
            string head = key.Split(':', 2)[0];
            string name = optionNames is not null && optionNames.TryGetValue(head, out string? mapped) ? mapped : head.Replace("_", string.Empty, StringComparison.Ordinal);
            string fullKey = $"{sectionPath}:Options:{key}";
            string description = $"{fullKey} (CACHE_OPTIONS)";
            if (!properties.TryGetValue(name, out PropertyInfo? property))
            {
                if (ignoreUnknown)
                {
                    continue;
                }

                IEnumerable<string> known = properties.Keys.Select(ToSnakeCase).Concat(optionNames?.Keys ?? []).Order(StringComparer.Ordinal);
                throw CacheConfigurationReader.Invalid(fullKey, description, value,
                    $"{target.GetType().Name} has no option '{head}'; known options: {string.Join(", ", known)}");
            }

            Apply(target, property, key, value, fullKey, description);
        }
    }

    private static void Apply(object target, PropertyInfo property, string key, string? value, string fullKey, string description)
    {
        if (property.Name == "FileMode" && property.PropertyType == typeof(int) && value is not null)
        {
            property.SetValue(target, CacheConfigurationReader.ParseFileMode(value, description, fullKey));
            return;
        }

        string subPath = key.Contains(':', StringComparison.Ordinal) ? key[key.IndexOf(':', StringComparison.Ordinal)..] : string.Empty;
        IConfigurationRoot single = new ConfigurationBuilder()
            .AddInMemoryCollection([new(property.Name + subPath, value)])
            .Build();
        try
        {
            single.Bind(target);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw CacheConfigurationReader.Invalid(fullKey, description, value, $"it does not convert to {property.PropertyType.Name} ({target.GetType().Name}.{property.Name})", ex);
        }
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
