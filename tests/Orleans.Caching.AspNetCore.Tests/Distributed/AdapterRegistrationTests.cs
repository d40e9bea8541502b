using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.Distributed;

public sealed class AdapterRegistrationTests
{
    [Fact]
    public async Task Both_adapters_can_use_a_keyed_cache_by_name()
    {
        await using CacheTarget target = CacheTarget.Local();
        var reports = new Cache(new SimpleCache(new SimpleCacheOptions(), target.Clock), timeProvider: target.Clock);
        await using AdapterApp app = await AdapterApp.StartAsync(
            target,
            services =>
            {
                services.AddKeyedSingleton("reports", reports);
                services.AddOutputCache();
                services.AddOrleansCachingOutputCache(o => o.CacheName = "reports");
                services.AddOrleansCachingDistributedCache(o => o.CacheName = "reports");
            },
            _ => { });

        await app.Services.GetRequiredService<IDistributedCache>().SetStringAsync("k", "v");
        await app.Services.GetRequiredService<IOutputCacheStore>().SetAsync("page", [1], ["t"], TimeSpan.FromMinutes(1), default);

        Assert.True(await reports.HasAsync("distcache/k"));
        Assert.True(await reports.HasAsync("outputcache/entry/page"));
        Assert.True(await reports.HasAsync("outputcache/tag/t"));
        Assert.False(await target.Cache.HasAsync("distcache/k"));
    }

    [Fact]
    public async Task An_empty_key_prefix_fails_at_start_with_a_message_naming_the_option()
    {
        await using CacheTarget target = CacheTarget.Local();

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => AdapterApp.StartAsync(
            target,
            services => services.AddOrleansCachingDistributedCache(o => o.KeyPrefix = string.Empty),
            _ => { }));

        Assert.Contains("OrleansDistributedCacheOptions.KeyPrefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_and_a_refresh_in_one_request_extend_a_sliding_entry_with_one_write()
    {
        await using CacheTarget target = CacheTarget.Local();
        var counting = new CountingCache(target);
        await using AdapterApp app = await AdapterApp.StartAsync(
            target,
            services => services.AddOrleansCachingDistributedCache(o => o.CacheName = "counting").AddKeyedSingleton<Cache>("counting", counting),
            _ => { });
        IDistributedCache cache = app.Services.GetRequiredService<IDistributedCache>();
        await cache.SetStringAsync("s", "v", new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });

        target.Clock.Advance(60);
        Assert.Equal("v", await cache.GetStringAsync("s"));
        target.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await cache.RefreshAsync("s");

        Assert.Equal(2, counting.Writes);
    }

    /// <summary>Counts the writes that reach the backend through a <see cref="Cache"/> over the target's backend.</summary>
    private sealed class CountingCache(CacheTarget target) : Cache(new CountingBackend(target.Cache.Backend), timeProvider: target.Clock)
    {
        public int Writes => ((CountingBackend)Backend).Writes;
    }

    private sealed class CountingBackend(ICacheBackend inner) : CacheBackend(new CacheBackendOptions())
    {
        private int _writes;

        public int Writes => _writes;

        protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            return inner.SetAsync(key, value, timeout, cancellationToken);
        }

        protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
            => inner.AddAsync(key, value, timeout, cancellationToken);

        protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => inner.HasAsync(key, cancellationToken);

        protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);
    }
}
