using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Local;

public sealed class LocalMemoizeTests : IAsyncLifetime
{
    private readonly LocalCacheHost _host = new();

    [Fact]
    public void Versions_live_in_version_grains_not_in_cache_entries()
    {
        int runs = 0;
        var next = _host.Cache.Memoize((int x) => x + ++runs, new MemoizeOptions { Name = "next" });

        Assert.Equal(2, next.Invoke(1));

        IReadOnlyList<GrainId> active = _host.Silo.Silo.GetActiveGrains();
        Assert.Contains(new GrainId(CacheGrainTypes.MemoizeVersion, "next_memver"), active);
        Assert.DoesNotContain(new GrainId(CacheGrainTypes.Entry, "next_memver"), active);
    }

    [Fact]
    public async Task Delete_memoized_without_arguments_resets_the_version_grain_and_with_arguments_deletes_one_entry()
    {
        int runs = 0;
        var next = _host.Cache.Memoize((int x) => x * 100 + ++runs, new MemoizeOptions { Name = "counted" });
        Assert.Equal(101, next.Invoke(1));
        Assert.Equal(202, next.Invoke(2));
        string version = await _host.Silo.GrainFactory.GetGrain<IMemoizeVersionGrain>("counted_memver").GetOrCreateAsync();

        await _host.Cache.DeleteMemoizedAsync(next, 1);
        Assert.Equal(103, next.Invoke(1));
        Assert.Equal(202, next.Invoke(2));
        Assert.Equal(version, await _host.Silo.GrainFactory.GetGrain<IMemoizeVersionGrain>("counted_memver").GetOrCreateAsync());

        await _host.Cache.DeleteMemoizedAsync(next);
        Assert.NotEqual(version, await _host.Silo.GrainFactory.GetGrain<IMemoizeVersionGrain>("counted_memver").GetOrCreateAsync());
        Assert.Equal(204, next.Invoke(2));
    }

    [Fact]
    public async Task A_memoized_entry_is_the_grain_of_its_key_with_the_prefix()
    {
        await using var prefixed = new LocalCacheHost(new() { ["Caching:KeyPrefix"] = "app_" });
        var twice = prefixed.Cache.Memoize((int x) => x * 2, new MemoizeOptions { Name = "twice" });

        Assert.Equal(8, twice.Invoke(4));

        string key = await twice.MakeCacheKeyAsync(4);
        IReadOnlyList<GrainId> active = prefixed.Silo.Silo.GetActiveGrains();
        Assert.Contains(new GrainId(CacheGrainTypes.Entry, "app_" + key), active);
        Assert.Contains(new GrainId(CacheGrainTypes.MemoizeVersion, "app_twice_memver"), active);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
