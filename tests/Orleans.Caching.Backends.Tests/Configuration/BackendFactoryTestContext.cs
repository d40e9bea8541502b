using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Configuration;

/// <summary>Builds factory contexts from flat configuration values, the way AddOrleansCaching does.</summary>
internal static class BackendFactoryTestContext
{
    public static CacheBackendFactoryContext Create(Dictionary<string, string?> values, IServiceProvider? services = null)
    {
        IConfiguration normalized = CacheConfigurationNormalizer.Normalize(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return new CacheBackendFactoryContext(normalized["Type"] ?? "SimpleCache", normalized, services ?? new ServiceCollection().BuildServiceProvider());
    }

    public static ICacheBackend CreateBackend(Dictionary<string, string?> values, IServiceProvider? services = null)
        => new CacheBackendRegistry().Create(Create(values, services));
}
