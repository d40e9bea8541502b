using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching;

/// <summary>Configures what <c>services.AddOrleansCaching(...)</c> registered: backends from other packages, named cache
/// instances and the serializer.</summary>
public sealed class OrleansCachingBuilder
{
    private readonly CachingRegistration _registration;

    internal OrleansCachingBuilder(IServiceCollection services, CachingRegistration registration)
    {
        Services = services;
        _registration = registration;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers (or replaces) a backend selectable by name in <c>Caching:Type</c> (<c>CACHE_TYPE</c>).</summary>
    /// <param name="name">The canonical name, such as <c>"RedisCache"</c>; also reachable as <c>flask_caching.backends.&lt;name&gt;</c>.</param>
    /// <param name="factory">Builds the backend from its context.</param>
    /// <param name="aliases">Other names, such as <c>"redis"</c>.</param>
    /// <returns>This builder.</returns>
    public OrleansCachingBuilder AddBackend(string name, Func<CacheBackendFactoryContext, ICacheBackend> factory, params string[] aliases)
    {
        _registration.Registry.Add(name, factory, aliases);
        return this;
    }

    /// <summary>Registers (or replaces) a backend selectable by name, built by an <see cref="ICacheBackendFactory"/>.</summary>
    /// <param name="name">The canonical name.</param>
    /// <param name="factory">Builds the backend.</param>
    /// <param name="aliases">Other names.</param>
    /// <returns>This builder.</returns>
    public OrleansCachingBuilder AddBackend(string name, ICacheBackendFactory factory, params string[] aliases)
    {
        _registration.Registry.Add(name, factory, aliases);
        return this;
    }

    /// <summary>Adds a named cache with its own backend, configured by <paramref name="section"/> (canonical or <c>CACHE_*</c> keys);
    /// keys it leaves unset fall back to the <c>Caching</c> section. Resolve it with <c>[FromKeyedServices(name)] Cache</c> or
    /// <see cref="ICacheProvider.GetCache(string)"/>.</summary>
    /// <param name="name">The instance name.</param>
    /// <param name="section">The instance's configuration.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="CacheConfigurationException">A value in the section is invalid.</exception>
    public OrleansCachingBuilder AddCache(string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddCacheCore(name, section, []);
    }

    /// <summary>Adds a named cache with its own backend configured in code; unset values fall back to the <c>Caching</c> section.</summary>
    /// <param name="name">The instance name.</param>
    /// <param name="configure">Sets the instance's values.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="CacheConfigurationException">A value is invalid.</exception>
    public OrleansCachingBuilder AddCache(string name, Action<CacheSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new CacheSettings();
        configure(settings);
        return AddCacheCore(name, null, settings.ToOverrides());
    }

    /// <summary>Uses <typeparamref name="TSerializer"/> for every cache of this registration, whatever <c>Caching:Serializer</c> says.
    /// It is resolved from the services if registered, else constructed with dependency injection.</summary>
    /// <typeparam name="TSerializer">The serializer type.</typeparam>
    /// <returns>This builder.</returns>
    public OrleansCachingBuilder UseSerializer<TSerializer>()
        where TSerializer : class, ICacheSerializer
    {
        _registration.Serializer = services => CacheSerializerResolver.Instantiate(services, typeof(TSerializer), "OrleansCachingBuilder.UseSerializer");
        return this;
    }

    /// <summary>Uses <paramref name="serializer"/>, as is, for every cache of this registration, whatever <c>Caching:Serializer</c> says.</summary>
    /// <param name="serializer">The serializer instance.</param>
    /// <returns>This builder.</returns>
    public OrleansCachingBuilder UseSerializer(ICacheSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _registration.Serializer = _ => serializer;
        return this;
    }

    private OrleansCachingBuilder AddCacheCore(string name, IConfiguration? section, List<KeyValuePair<string, string?>> overrides)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _registration.AddCodeInstance(name, section, overrides);
        _registration.ValidateValues();
        OrleansCachingServiceCollectionExtensions.RegisterInstance(Services, _registration, name);
        return this;
    }
}
