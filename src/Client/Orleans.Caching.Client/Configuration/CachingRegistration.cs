using Microsoft.Extensions.Configuration;

namespace Orleans.Caching;

/// <summary>What <c>AddOrleansCaching</c> and its builder collected: the configuration, values set in code, named instances,
/// the backend registry and a serializer set in code. Normalization is redone on each read so reloaded configuration counts.</summary>
internal sealed class CachingRegistration
{
    /// <summary>The backend used when nothing names one: <c>Local</c>, an embedded silo in this process (the Orleans.Caching.Silo package).</summary>
    public const string DefaultBackendType = "Local";

    private static readonly IConfiguration s_empty = new ConfigurationBuilder().Build();

    private readonly Dictionary<string, List<(IConfiguration? Section, List<KeyValuePair<string, string?>> Overrides)>> _codeInstances = new(StringComparer.Ordinal);

    public CacheBackendRegistry Registry { get; } = new();

    public IConfiguration? Configuration { get; set; }

    public List<KeyValuePair<string, string?>> Overrides { get; } = [];

    public Func<IServiceProvider, ICacheSerializer>? Serializer { get; set; }

    public string? SerializerDescription { get; set; }

    public HashSet<string> RegisteredInstanceNames { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> InstanceNames
        => ConfiguredInstanceNames().Concat(_codeInstances.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string SectionPath(string name) => name.Length == 0
        ? CacheConfigurationNormalizer.SectionName
        : $"{CacheConfigurationNormalizer.SectionName}:{CacheConfigurationNormalizer.InstancesKey}:{name}";

    public bool Knows(string name) => name.Length == 0 || InstanceNames.Contains(name, StringComparer.Ordinal);

    public void AddCodeInstance(string name, IConfiguration? section, List<KeyValuePair<string, string?>> overrides)
    {
        if (!_codeInstances.TryGetValue(name, out var layers))
        {
            _codeInstances[name] = layers = [];
        }

        layers.Add((section, overrides));
    }

    public IConfiguration Normalize(string name)
    {
        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(Configuration ?? s_empty, Overrides);
        if (name.Length == 0)
        {
            return normalized;
        }

        IConfigurationSection? configured = ConfiguredInstanceSections().FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase));
        if (configured is not null)
        {
            normalized = CacheConfigurationNormalizer.NormalizeInstance(normalized, configured, name);
        }

        foreach ((IConfiguration? section, List<KeyValuePair<string, string?>> overrides) in _codeInstances.GetValueOrDefault(name) ?? [])
        {
            normalized = CacheConfigurationNormalizer.NormalizeInstance(normalized, section ?? s_empty, name, overrides);
        }

        return normalized;
    }

    public CacheConfigurationReader Reader(string name) => new(Normalize(name), SectionPath(name));

    /// <summary>Checks what can be checked before any backend package registers: every value that must parse.</summary>
    /// <exception cref="CacheConfigurationException">A value is invalid.</exception>
    public void ValidateValues()
    {
        foreach (string name in InstanceNames.Prepend(string.Empty))
        {
            CacheConfigurationReader reader = Reader(name);
            _ = new CacheBackendFactoryContext(reader.GetNonEmptyString("Type") ?? DefaultBackendType, reader.Configuration, EmptyServiceProvider.Instance, name);
            CacheOptionsSetup.Bind(reader, new CacheOptions());
            _ = reader.GetHashMethodName("HashMethod", "sha256");
            _ = reader.GetHashMethodName("FileHashMethod", "sha256");
            _ = reader.GetFileMode("FileMode", 0x180);
            _ = reader.GetInt32("Threshold", 500, min: 0);
            _ = reader.GetBoolean("NoNullWarning", defaultValue: false);
        }
    }

    private IEnumerable<IConfigurationSection> ConfiguredInstanceSections()
        => Configuration is null ? [] : CacheConfigurationNormalizer.GetInstanceSections(Configuration);

    private IEnumerable<string> ConfiguredInstanceNames() => ConfiguredInstanceSections().Select(s => s.Key);

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
