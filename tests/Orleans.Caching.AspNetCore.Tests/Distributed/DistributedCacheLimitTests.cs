using Microsoft.Extensions.Caching.Distributed;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.Distributed;

public sealed class DistributedCacheLimitTests
{
    [Fact]
    public async Task A_value_over_the_backend_limit_is_refused_with_a_clear_error()
    {
        await using CacheTarget target = CacheTarget.Local(new() { ["Caching:MaxValueBytes"] = "1024" });
        await using AdapterApp app = await DistributedCacheApp.StartAsync(target);

        CacheValueTooLargeException error = await Assert.ThrowsAsync<CacheValueTooLargeException>(
            () => app.Cache().SetAsync("big", new byte[2048], new DistributedCacheEntryOptions()));
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
        Assert.Null(await app.Cache().GetAsync("big"));
    }

    [Fact]
    public async Task A_backend_outage_surfaces_as_a_cache_exception()
    {
        await using CacheTarget target = CacheTarget.Outage(out OutageBackend backend);
        await using AdapterApp app = await DistributedCacheApp.StartAsync(target);

        await Assert.ThrowsAsync<CacheException>(() => app.Cache().GetAsync("k"));
        backend.Down = false;
        await app.Cache().SetStringAsync("k", "v");
        Assert.Equal("v", await app.Cache().GetStringAsync("k"));
    }
}
