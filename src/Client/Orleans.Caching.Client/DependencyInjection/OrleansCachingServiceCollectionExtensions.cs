using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Caching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Orleans.Caching (Flask-Caching's <c>Cache(app)</c> / <c>init_app</c>).</summary>
public static class OrleansCachingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="Cache"/> and its <see cref="ICacheBackend"/>, the named instances of <c>Caching:Instances</c>
    /// and <see cref="ICacheProvider"/>, configured by the <c>Caching</c> section of <paramref name="configuration"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration root (so <c>CACHE_*</c> environment variables count) or the <c>Caching</c> section.</param>
    /// <returns>A builder to add backends, named instances and a serializer.</returns>
    /// <remarks>
    /// <para>Flask-Caching's <c>CACHE_*</c> names are accepted as aliases; precedence, highest first: values set in code, a canonical
    /// key in the section, an alias in the section, an alias at the root (see <see cref="CacheConfigurationNormalizer"/>).</para>
    /// <para>Values that must parse (timeouts, thresholds, hash methods, file modes, <c>CACHE_OPTIONS</c>) are checked here and throw
    /// <see cref="CacheConfigurationException"/>. The backend name and the serializer are checked when the host starts
    /// (<c>ValidateOnStart</c>) and when the cache is first resolved, because backend packages register after this call.</para>
    /// <para>With no <c>Caching:Type</c>, the backend is <c>Local</c>: an embedded silo in this process, provided by the Orleans.Caching.Silo
    /// package. Referencing a provider package is enough: its backends and services register themselves here
    /// (<see cref="CacheBackendProviderAttribute"/>).</para>
    /// </remarks>
    /// <exception cref="CacheConfigurationException">A configured value is invalid.</exception>
    public static OrleansCachingBuilder AddOrleansCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, configuration, configure: null);
    }

    /// <summary>Registers Orleans.Caching configured in code only.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the values of the <c>Caching</c> section.</param>
    /// <returns>A builder to add backends, named instances and a serializer.</returns>
    /// <exception cref="CacheConfigurationException">A value is invalid.</exception>
    public static OrleansCachingBuilder AddOrleansCaching(this IServiceCollection services, Action<CacheSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, configuration: null, configure);
    }

    /// <summary>Registers Orleans.Caching configured by <paramref name="configuration"/>, with values set in code winning over it.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root or the <c>Caching</c> section.</param>
    /// <param name="configure">Sets values that win over configuration.</param>
    /// <returns>A builder to add backends, named instances and a serializer.</returns>
    /// <exception cref="CacheConfigurationException">A value is invalid.</exception>
    public static OrleansCachingBuilder AddOrleansCaching(this IServiceCollection services, IConfiguration configuration, Action<CacheSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, configuration, configure);
    }

    internal static void RegisterInstance(IServiceCollection services, CachingRegistration registration, string name)
    {
        if (!registration.RegisteredInstanceNames.Add(name))
        {
            return;
        }

        services.TryAddKeyedSingleton<Cache>(name, (sp, _) => sp.GetRequiredService<ICacheProvider>().GetCache(name));
        services.TryAddKeyedSingleton<ICacheBackend>(name, (sp, _) => sp.GetRequiredKeyedService<Cache>(name).Backend);
        services.AddOptions<CacheOptions>(name).ValidateOnStart();
    }

    private static OrleansCachingBuilder AddCore(IServiceCollection services, IConfiguration? configuration, Action<CacheSettings>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        CachingRegistration? registration = services
            .Select(d => d.IsKeyedService ? null : d.ImplementationInstance as CachingRegistration)
            .FirstOrDefault(r => r is not null);
        if (registration is null)
        {
            registration = new CachingRegistration();
            services.AddSingleton(registration);
        }

        if (configuration is not null)
        {
            registration.Configuration = configuration;
        }

        if (configure is not null)
        {
            var settings = new CacheSettings();
            configure(settings);
            registration.Overrides.AddRange(settings.ToOverrides());
        }

        registration.ValidateValues();
        foreach (ICacheBackendProvider provider in registration.Registry.Providers)
        {
            provider.ConfigureServices(services);
        }

        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(registration.Registry);
        services.TryAddSingleton<ICacheProvider>(sp => new CacheProvider(registration, sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<CacheOptions>, CacheOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddSingleton<Cache>(sp => sp.GetRequiredService<ICacheProvider>().GetCache(Options.Options.DefaultName));
        services.TryAddSingleton<ICacheBackend>(sp => sp.GetRequiredService<Cache>().Backend);
        services.AddOptions<CacheOptions>().ValidateOnStart();
        foreach (string name in registration.InstanceNames)
        {
            RegisterInstance(services, registration, name);
        }

        return new OrleansCachingBuilder(services, registration);
    }
}
