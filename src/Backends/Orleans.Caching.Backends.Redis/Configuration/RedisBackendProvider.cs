using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching;
using Orleans.Caching.Backends.Redis;

[assembly: CacheBackendProvider(typeof(RedisBackendProvider))]

namespace Orleans.Caching.Backends.Redis;

/// <summary>Registers <c>RedisCache</c>, <c>RedisSentinelCache</c> and <c>RedisClusterCache</c> (and <c>redis</c>, <c>redissentinel</c>,
/// <c>rediscluster</c>, <c>flask_caching.backends.*</c>, <c>cachelib.*</c>) with every registry of an application that references this package.</summary>
internal sealed class RedisBackendProvider : ICacheBackendProvider
{
    /// <inheritdoc/>
    public void Register(CacheBackendRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("RedisCache", CreateRedisCache, "redis");
        registry.Add("RedisSentinelCache", CreateSentinelCache, "redissentinel");
        registry.Add("RedisClusterCache", CreateClusterCache, "rediscluster");
    }

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) => ArgumentNullException.ThrowIfNull(services);

    private static RedisCache CreateRedisCache(CacheBackendFactoryContext context)
    {
        RedisCacheOptions options = RedisOptionsBinder.Bind<RedisCacheOptions>(context);
        return Build(context, "Host", () => new RedisCache(options, context.TimeProvider, context.LoggerFactory.CreateLogger<RedisCache>()));
    }

    private static RedisSentinelCache CreateSentinelCache(CacheBackendFactoryContext context)
    {
        RedisSentinelCacheOptions options = RedisOptionsBinder.Bind<RedisSentinelCacheOptions>(context);
        return Build(context, "Sentinels", () => new RedisSentinelCache(options, context.TimeProvider, context.LoggerFactory.CreateLogger<RedisSentinelCache>()));
    }

    private static RedisClusterCache CreateClusterCache(CacheBackendFactoryContext context)
    {
        RedisClusterCacheOptions options = RedisOptionsBinder.Bind<RedisClusterCacheOptions>(context);
        return Build(context, "Cluster", () => new RedisClusterCache(options, context.TimeProvider, context.LoggerFactory.CreateLogger<RedisClusterCache>()));
    }

    private static TCache Build<TCache>(CacheBackendFactoryContext context, string key, Func<TCache> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException exception)
        {
            string fullKey = $"{context.SectionPath}:Redis:{key}";
            throw new CacheConfigurationException(fullKey,
                $"Invalid cache configuration for {context.Name} ({FlaskConfigurationAliases.Describe(context.SectionPath, "Redis:" + key)}): {exception.Message}", exception);
        }
    }
}
