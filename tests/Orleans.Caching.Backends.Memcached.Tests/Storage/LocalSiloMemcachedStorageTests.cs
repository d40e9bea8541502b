using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Storage;

[Collection(OnePlainServerCollection.Name)]
public sealed class LocalSiloMemcachedStorageTests(OnePlainServerFixture memcached)
{
    [Fact]
    public async Task A_local_silo_persists_grains_to_memcached_where_a_raw_client_reads_them_and_a_new_silo_reloads_them()
    {
        string prefix = "silo" + Guid.NewGuid().ToString("N")[..10] + ":";
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Caching:Type"] = "Local",
                ["Caching:KeyPrefix"] = prefix,
                ["Caching:Silo:Storage:Type"] = "MemcachedCache",
                ["Caching:Silo:Storage:Memcached:Servers"] = memcached.Servers[0].Address,
            })
            .Build();

        await using (ServiceProvider first = Build(configuration))
        {
            var cache = first.GetRequiredService<Cache>();
            Assert.IsType<GrainCache>(cache.Backend);
            Assert.True(await cache.SetAsync("greeting", "hello", timeout: 300));
        }

        // What the grain persisted is the serialized value under the storage's (Flask) prefix + the grain's key.
        Assert.Equal("\"hello\"", await RawText.GetAsync(memcached.Servers[0].Address, "flask_cache_" + prefix + "greeting"));

        await using ServiceProvider second = Build(configuration);
        Assert.Equal("hello", await second.GetRequiredService<Cache>().GetAsync<string>("greeting"));
    }

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOrleansCaching(configuration);
        return services.BuildServiceProvider();
    }
}
