using Microsoft.Extensions.Logging;
using Orleans.Caching.Cluster.Tests.Acceptance.Facade;

namespace Orleans.Caching.Tests.Support;

/// <summary>The Flask test app's cache over the facade cluster (a Cluster backend with a key prefix of its own, the silos' clock following
/// the test's fake clock), with the surface of the client tests' SimpleCache version so their test classes run unchanged.</summary>
public static class CachedTestCaches
{
    public static Cache Create(FakeTimeProvider clock, CacheOptions? options = null, ILogger<Cache>? logger = null, SimpleCacheOptions? backendOptions = null)
    {
        FacadeClusterFixture cluster = FacadeClusterFixture.Current;
        cluster.Clock.Follow(clock);
        var values = new CacheBackendOptions { KeyPrefix = cluster.NextPrefix() + backendOptions?.KeyPrefix };
        if (backendOptions is not null)
        {
            values.DefaultTimeout = backendOptions.DefaultTimeout;
            values.IgnoreDeleteManyErrors = backendOptions.IgnoreDeleteManyErrors;
        }

        return new Cache(cluster.CreateBackend(values, clock), options, logger: logger, timeProvider: clock);
    }
}
