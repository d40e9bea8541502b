namespace Orleans.Caching.Grains.Tests.Entries;

public sealed class CacheEntryGrainFootprintTests
{
    [Fact]
    public void A_cache_entry_grain_instance_is_under_one_hundred_bytes()
    {
        var options = new CacheGrainOptions();
        _ = new CacheEntryGrain(options);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var grain = new CacheEntryGrain(options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        GC.KeepAlive(grain);
        Assert.InRange(allocated, 1, 100);
    }

    [Fact]
    public void A_memoize_version_grain_instance_is_under_one_hundred_bytes()
    {
        _ = new MemoizeVersionGrain();

        long before = GC.GetAllocatedBytesForCurrentThread();
        var grain = new MemoizeVersionGrain();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        GC.KeepAlive(grain);
        Assert.InRange(allocated, 1, 100);
    }
}
