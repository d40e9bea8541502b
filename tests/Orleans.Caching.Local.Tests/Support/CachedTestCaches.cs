using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Support;

/// <summary>The Flask test app's cache over a Local cache (an embedded silo on the fake clock), with the surface of the client tests'
/// SimpleCache version so their test classes run unchanged against grains.</summary>
public static class CachedTestCaches
{
    public static Cache Create(FakeTimeProvider clock, CacheOptions? options = null, ILogger<Cache>? logger = null, SimpleCacheOptions? backendOptions = null)
    {
        var values = new Dictionary<string, string?>();
        if (backendOptions is not null)
        {
            values["Caching:DefaultTimeout"] = backendOptions.DefaultTimeout.ToString();
            values["Caching:IgnoreErrors"] = backendOptions.IgnoreDeleteManyErrors ? "true" : "false";
            values["Caching:KeyPrefix"] = backendOptions.KeyPrefix;
        }

        var host = new LocalCacheHost(values, clock);
        return new Cache(host.Backend, options, logger: logger, timeProvider: clock);
    }
}
