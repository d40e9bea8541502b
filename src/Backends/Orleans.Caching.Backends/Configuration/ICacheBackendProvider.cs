using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching;

/// <summary>
/// A package's hook into configuration by name: registers its backends with a <see cref="CacheBackendRegistry"/> and the services they
/// need. Declare it with <see cref="CacheBackendProviderAttribute"/> on the package's assembly.
/// </summary>
public interface ICacheBackendProvider
{
    /// <summary>Registers the package's backend names and factories.</summary>
    /// <param name="registry">The registry.</param>
    void Register(CacheBackendRegistry registry);

    /// <summary>Adds the services the package's backends resolve from <see cref="CacheBackendFactoryContext.Services"/>; called by
    /// <c>services.AddOrleansCaching(...)</c>. Use <c>TryAdd*</c>: it may be called more than once on one collection.</summary>
    /// <param name="services">The application's services.</param>
    void ConfigureServices(IServiceCollection services);
}
