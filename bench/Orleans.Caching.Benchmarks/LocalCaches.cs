using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Benchmarks;

/// <summary>Builds a <c>Local</c> cache (embedded silo) the way an application does.</summary>
internal static class LocalCaches
{
    public static (ServiceProvider Provider, Cache Cache) Create(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Caching:Type"] = "Local" };
        foreach ((string key, string value) in settings)
        {
            values[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOrleansCaching(configuration);
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<Cache>());
    }
}
