using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>
/// Maps backend names (<c>Caching:Type</c>, <c>CACHE_TYPE</c>) to factories. It starts with <c>NullCache</c>, <c>SimpleCache</c> and
/// <c>FileSystemCache</c>; other packages add theirs (<c>Local</c>, <c>RedisCache</c>, <c>MemcachedCache</c>, ...) through an
/// <see cref="ICacheBackendProvider"/> declared on their assembly (found when the application references the package) or through
/// <see cref="Add(string, Func{CacheBackendFactoryContext, ICacheBackend}, string[])"/>.
/// </summary>
/// <remarks>
/// <para>Names are case-insensitive. A registered name is also reachable as <c>flask_caching.backends.&lt;Name&gt;</c>,
/// <c>flask_caching.backends.&lt;module&gt;.&lt;Name&gt;</c>, <c>cachelib.&lt;Name&gt;</c> and <c>cachelib.&lt;module&gt;.&lt;Name&gt;</c>, and through its
/// aliases (the old lower-case names such as <c>simple</c>).</para>
/// <para>Any other name is looked up as a type (<c>"MyApp.MyCache, MyApp"</c>) or a static factory method
/// (<c>"MyApp.Caches.Create"</c>); see <see cref="ICacheBackendFactory"/>. An unknown name fails with a message listing the known ones.</para>
/// </remarks>
public sealed class CacheBackendRegistry
{
    private static readonly string[] s_pathPrefixes = ["flask_caching.backends.", "cachelib."];

    private readonly Dictionary<string, Registration> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Registration> _byCanonicalName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Name, string ProvidedBy)> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new instance of the <see cref="CacheBackendRegistry"/> class with the built-in backends and those of the
    /// provider packages the application ships (<see cref="CacheBackendProviderAttribute"/>).</summary>
    /// <exception cref="InvalidOperationException">A package declares a provider that cannot be created.</exception>
    public CacheBackendRegistry()
        : this(discoverProviders: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheBackendRegistry"/> class with the built-in backends, and optionally those of the
    /// provider packages the application ships.</summary>
    /// <param name="discoverProviders"><see langword="true"/> to apply the providers of loaded (and known, shipped) package assemblies.</param>
    /// <exception cref="InvalidOperationException">A package declares a provider that cannot be created.</exception>
    public CacheBackendRegistry(bool discoverProviders)
    {
        BuiltInBackends.Register(this);
        foreach ((string alias, string name, string providedBy) in BuiltInBackends.ProvidedElsewhere)
        {
            _pending[alias] = (name, providedBy);
        }

        Providers = discoverProviders ? CacheBackendProviderDiscovery.Discover(BuiltInBackends.ProviderAssemblies) : [];
        foreach (ICacheBackendProvider provider in Providers)
        {
            provider.Register(this);
        }
    }

    /// <summary>Gets the provider packages applied to this registry; <c>services.AddOrleansCaching(...)</c> lets them add their services.</summary>
    public IReadOnlyList<ICacheBackendProvider> Providers { get; }

    /// <summary>Gets the canonical names of the registered backends, sorted.</summary>
    public IReadOnlyList<string> Names => _byCanonicalName.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Registers (or replaces) a backend.</summary>
    /// <param name="name">The canonical name, such as <c>"RedisCache"</c>.</param>
    /// <param name="factory">Builds the backend.</param>
    /// <param name="aliases">Other names for it, such as <c>"redis"</c>.</param>
    /// <returns>This registry.</returns>
    public CacheBackendRegistry Add(string name, Func<CacheBackendFactoryContext, ICacheBackend> factory, params string[] aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(aliases);
        var registration = new Registration(name, factory);
        _byCanonicalName[name] = registration;
        foreach (string key in aliases.Prepend(name))
        {
            _byName[key] = registration;
            _pending.Remove(key);
        }

        foreach (string stale in _pending.Where(p => string.Equals(p.Value.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToList())
        {
            _pending.Remove(stale);
        }

        return this;
    }

    /// <summary>Registers (or replaces) a backend built by an <see cref="ICacheBackendFactory"/>.</summary>
    /// <param name="name">The canonical name.</param>
    /// <param name="factory">Builds the backend.</param>
    /// <param name="aliases">Other names for it.</param>
    /// <returns>This registry.</returns>
    public CacheBackendRegistry Add(string name, ICacheBackendFactory factory, params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Add(name, factory.Create, aliases);
    }

    /// <summary>Resolves a configured name to a registered backend's canonical name, or to itself when it names a custom type or method.</summary>
    /// <param name="typeName">The configured name.</param>
    /// <param name="sectionPath">The section it was read from, for messages (<c>Caching</c>).</param>
    /// <returns>The canonical name.</returns>
    /// <exception cref="CacheConfigurationException">The name is unknown, provided by a package that is not registered, or names an unusable type.</exception>
    public string ResolveName(string typeName, string sectionPath = CacheConfigurationNormalizer.SectionName)
        => Resolve(typeName, sectionPath).Name;

    /// <summary>Builds the backend named by <see cref="CacheBackendFactoryContext.Name"/>.</summary>
    /// <param name="context">The factory context.</param>
    /// <returns>The backend.</returns>
    /// <exception cref="CacheConfigurationException">The name does not resolve or the configuration is invalid.</exception>
    public ICacheBackend Create(CacheBackendFactoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Registration registration = Resolve(context.Name, context.SectionPath);
        ILogger logger = context.LoggerFactory.CreateLogger<CacheBackendRegistry>();
        if (!_byCanonicalName.ContainsKey(registration.Name))
        {
            BackendConfigurationLog.CustomBackendResolved(logger, context.SectionPath, registration.Name);
        }

        ICacheBackend backend = registration.Factory(context)
            ?? throw new CacheConfigurationException($"The factory of cache backend '{registration.Name}' returned null.");
        BackendConfigurationLog.BackendCreated(logger, registration.Name, backend.GetType().Name, context.SectionPath);
        return backend;
    }

    private Registration Resolve(string typeName, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        string name = typeName.Trim();
        if (name.Length == 0)
        {
            throw Failure(sectionPath, typeName, "it is empty");
        }

        if (_byName.TryGetValue(name, out Registration? registration))
        {
            return registration;
        }

        if (s_pathPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            string[] segments = name[prefix.Length..].Split('.');
            string shortName = segments[^1];
            if (segments.Length <= 2 && _byName.TryGetValue(shortName, out registration))
            {
                return registration;
            }

            throw segments.Length <= 2 && _pending.TryGetValue(shortName, out (string Name, string ProvidedBy) elsewhere)
                ? ProvidedElsewhere(sectionPath, typeName, elsewhere)
                : Unknown(sectionPath, typeName);
        }

        if (_pending.TryGetValue(name, out (string Name, string ProvidedBy) pending))
        {
            throw ProvidedElsewhere(sectionPath, typeName, pending);
        }

        if ((name.Contains('.', StringComparison.Ordinal) || name.Contains(',', StringComparison.Ordinal))
            && CustomBackendActivator.TryResolve(name) is { } custom)
        {
            return new Registration(name, custom);
        }

        throw Unknown(sectionPath, typeName);
    }

    private CacheConfigurationException Unknown(string sectionPath, string typeName)
    {
        IEnumerable<string> elsewhere = _pending.Values.DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"{p.Name} ({p.ProvidedBy})");
        return Failure(sectionPath, typeName,
            $"no cache backend has that name. Known backends: {string.Join(", ", Names)} (also as flask_caching.backends.<Name> and cachelib.<Name>)"
            + (_pending.Count > 0 ? $"; provided by packages not registered: {string.Join(", ", elsewhere)}" : string.Empty)
            + "; or the name of a type implementing ICacheBackend or ICacheBackendFactory");
    }

    private static CacheConfigurationException ProvidedElsewhere(string sectionPath, string typeName, (string Name, string ProvidedBy) pending)
        => Failure(sectionPath, typeName,
            $"the {pending.Name} backend is provided by {pending.ProvidedBy}, which is not registered. Add a reference to that package (its backends "
            + "register themselves), or register a backend of that name on the builder returned by services.AddOrleansCaching(...) (OrleansCachingBuilder.AddBackend)");

    private static CacheConfigurationException Failure(string sectionPath, string typeName, string reason)
        => new($"{sectionPath}:Type", $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(sectionPath, "Type")} is '{typeName}'; {reason}.", null);

    private sealed record Registration(string Name, Func<CacheBackendFactoryContext, ICacheBackend> Factory);
}
