using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Configuration;

internal static class CachingTestHost
{
    // These tests run direct mode: the Local default needs the Silo package, which this project does not reference, so a first,
    // lowest-precedence source names SimpleCache. Any Type or CACHE_TYPE a test sets comes from a later source and wins.
    private static readonly Dictionary<string, string?> s_directMode = new() { ["Caching:Type"] = "SimpleCache" };

    public static IConfiguration Config(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(s_directMode).AddInMemoryCollection(values).Build();

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
