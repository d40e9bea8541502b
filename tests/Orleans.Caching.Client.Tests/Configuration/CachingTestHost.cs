using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Configuration;

internal static class CachingTestHost
{
    public static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public static ServiceProvider Build(Dictionary<string, string?> values, Action<OrleansCachingBuilder>? configure = null, ListLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs));
        }

        OrleansCachingBuilder builder = services.AddOrleansCaching(Config(values));
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }
}
