namespace Orleans.Caching;

/// <summary>
/// Declares, on a package's assembly, the <see cref="ICacheBackendProvider"/> that registers its backends:
/// <c>[assembly: CacheBackendProvider(typeof(MyBackends))]</c>. Every <see cref="CacheBackendRegistry"/> applies the providers of the
/// loaded assemblies, and loads the assemblies of the known package names (<c>Orleans.Caching.Silo</c> for <c>Local</c>, ...) when
/// the application ships them, so referencing such a package is enough to use its backend names.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CacheBackendProviderAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="CacheBackendProviderAttribute"/> class.</summary>
    /// <param name="providerType">A type implementing <see cref="ICacheBackendProvider"/> with a parameterless constructor (it may be internal).</param>
    public CacheBackendProviderAttribute(Type providerType)
    {
        ArgumentNullException.ThrowIfNull(providerType);
        ProviderType = providerType;
    }

    /// <summary>Gets the provider type.</summary>
    public Type ProviderType { get; }
}
