using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Hosting;

/// <summary>An activation context without a silo: the test calls grain methods one at a time, as the runtime's turns would.</summary>
public sealed class TestGrainContext(GrainId grainId, IGrainStorage storage, TimeProvider timeProvider) : IGrainContext
{
    public GrainId GrainId { get; } = grainId;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public IGrainStorage Storage { get; } = storage;

    public int DeactivationRequests { get; private set; }

    public void DeactivateOnIdle() => DeactivationRequests++;

    public static async Task<CacheEntryGrain> ActivateEntryAsync(string key, IGrainStorage storage, TimeProvider clock, CacheGrainOptions? options = null)
    {
        var grain = new CacheEntryGrain(options ?? new CacheGrainOptions());
        grain.Attach(new TestGrainContext(new GrainId(CacheGrainTypes.Entry, key), storage, clock));
        await grain.OnActivateAsync(CancellationToken.None);
        return grain;
    }

    public static async Task<MemoizeVersionGrain> ActivateVersionAsync(string key, IGrainStorage storage, TimeProvider clock)
    {
        var grain = new MemoizeVersionGrain();
        grain.Attach(new TestGrainContext(new GrainId(CacheGrainTypes.MemoizeVersion, key), storage, clock));
        await grain.OnActivateAsync(CancellationToken.None);
        return grain;
    }
}
