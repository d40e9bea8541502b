using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class LocalSiloRedisStorageTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_local_silo_persists_grains_to_redis_where_redis_cli_reads_them_and_a_new_silo_reloads_them()
    {
        string prefix = UniquePrefix.New();
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Caching:Type"] = "Local",
                ["Caching:KeyPrefix"] = prefix,
                ["Caching:Silo:Storage:Type"] = "RedisCache",
                ["Caching:Silo:Storage:Redis:Url"] = $"redis://127.0.0.1:{redis.Plain.Port.ToString(CultureInfo.InvariantCulture)}/0",
            })
            .Build();
        // The grain's key is the cache's full key; the Redis storage adds its own (Flask) prefix in front.
        string storedKey = RedisCacheOptions.FlaskKeyPrefix + prefix + "greeting";

        await using (ServiceProvider first = Build(configuration))
        {
            var cache = first.GetRequiredService<Cache>();
            Assert.IsType<GrainCache>(cache.Backend);
            Assert.True(await cache.SetAsync("greeting", "hello", timeout: 300));
            Assert.Equal(5, await cache.IncAsync("visits", 5));
        }

        // An independent client sees exactly what the grain persisted: the serialized value with the native time-to-live.
        Assert.Equal("\"hello\"", await redis.Plain.CliAsync("GET", storedKey));
        Assert.InRange(int.Parse(await redis.Plain.CliAsync("TTL", storedKey), CultureInfo.InvariantCulture), 1, 300);
        Assert.Equal("5", await redis.Plain.CliAsync("GET", RedisCacheOptions.FlaskKeyPrefix + prefix + "visits"));

        await using ServiceProvider second = Build(configuration);
        var reloaded = second.GetRequiredService<Cache>();
        Assert.Equal("hello", await reloaded.GetAsync<string>("greeting"));
        Assert.Equal(6, await reloaded.IncAsync("visits"));
        Assert.Equal("6", await redis.Plain.CliAsync("GET", RedisCacheOptions.FlaskKeyPrefix + prefix + "visits"));
    }

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOrleansCaching(configuration);
        return services.BuildServiceProvider();
    }
}
