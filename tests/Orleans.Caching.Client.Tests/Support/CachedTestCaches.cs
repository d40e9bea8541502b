using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Support;

/// <summary>Builds the Flask test app's cache: a <see cref="SimpleCache"/> on a fake clock.</summary>
public static class CachedTestCaches
{
    public static Cache Create(FakeTimeProvider clock, CacheOptions? options = null, ILogger<Cache>? logger = null, SimpleCacheOptions? backendOptions = null)
        => new(new SimpleCache(backendOptions ?? new SimpleCacheOptions(), clock), options, logger: logger, timeProvider: clock);
}
