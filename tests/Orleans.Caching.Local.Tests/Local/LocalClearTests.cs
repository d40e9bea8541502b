using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Local;

public sealed class LocalClearTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Clear_drops_the_activations_and_the_stored_values()
    {
        await using var host = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path));
        Cache cache = host.Cache;
        Assert.True(await cache.SetAsync("a", 1, timeout: 0));
        Assert.True(await cache.SetAsync("b", 2, timeout: 0));
        Assert.True(host.Silo.Silo.ActivationCount >= 2);
        var files = new FileSystemCache(new FileSystemCacheOptions { Directory = _directory.Path, Threshold = 0 }, host.Clock);
        Assert.NotNull(await files.GetAsync("a", CancellationToken.None));

        Assert.True(await cache.ClearAsync());

        Assert.Equal(0, host.Silo.Silo.ActivationCount);
        Assert.Null(await files.GetAsync("a", CancellationToken.None));
        Assert.Null(await files.GetAsync("b", CancellationToken.None));
        Assert.Null(await cache.GetAsync("a"));
        Assert.False(await cache.HasAsync("b"));
    }

    [Fact]
    public async Task Clear_with_write_behind_leaves_no_pending_write_to_bring_values_back()
    {
        var host = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path, "WriteBehind"));
        await using (host)
        {
            Assert.True(await host.Cache.SetAsync("a", 1, timeout: 0));
            Assert.True(await host.Cache.ClearAsync());
            Assert.True(await host.Cache.SetAsync("b", 2, timeout: 0));
        }

        await using var restarted = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path));
        Assert.Null(await restarted.Cache.GetAsync("a"));
        Assert.Equal(2, await restarted.Cache.GetAsync<int>("b"));
    }

    [Fact]
    public async Task After_clear_memoized_functions_compute_again()
    {
        await using var host = new LocalCacheHost();
        int runs = 0;
        var next = host.Cache.Memoize((int x) => ++runs + x, new MemoizeOptions { Name = "next" });
        Assert.Equal(1, next.Invoke(0));
        Assert.Equal(1, next.Invoke(0));

        Assert.True(await host.Cache.ClearAsync());

        Assert.Equal(2, next.Invoke(0));
    }

    public void Dispose() => _directory.Dispose();
}
