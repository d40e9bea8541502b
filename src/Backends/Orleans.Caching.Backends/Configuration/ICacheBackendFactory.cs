namespace Orleans.Caching;

/// <summary>
/// Builds a backend from configuration. Name a type implementing it in <c>Caching:Type</c> (<c>CACHE_TYPE</c>), such as
/// <c>"MyApp.MyCacheFactory, MyApp"</c>, or register an instance with <c>OrleansCachingBuilder.AddBackend</c>.
/// </summary>
/// <remarks>A factory type named in configuration is constructed with dependency injection (its constructor may take services).</remarks>
public interface ICacheBackendFactory
{
    /// <summary>Creates a backend.</summary>
    /// <param name="context">The configuration, arguments, options and services to build it with.</param>
    /// <returns>The backend.</returns>
    ICacheBackend Create(CacheBackendFactoryContext context);
}
