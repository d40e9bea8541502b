using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Memoize;

/// <summary>The memoize tests' harness over a Local cache: an embedded silo (in-memory storage) on a fake clock. Same surface as the
/// client tests' SimpleCache harness, so their test classes run unchanged against grains.</summary>
public sealed class MemoizeHarness
{
    public MemoizeHarness(CacheOptions? options = null, CacheTimeout? defaultTimeout = null, Func<ICacheBackend, Cache>? factory = null)
    {
        Dictionary<string, string?> values = defaultTimeout is { } timeout ? new() { ["Caching:DefaultTimeout"] = timeout.ToString() } : [];
        Host = new LocalCacheHost(values, Clock);
        Backend = Host.Backend;
        Cache = factory?.Invoke(Backend) ?? new Cache(Backend, options, timeProvider: Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public LocalCacheHost Host { get; }

    public GrainCache Backend { get; }

    public Cache Cache { get; }

    public void Advance(double seconds) => Clock.Advance(seconds);

    /// <summary>Tells whether a memoize version key holds a version: over grains it is the persisted state of its version grain.</summary>
    public async Task<bool> HasVersionAsync(string versionKey)
        => (await Host.Silo.Storage.ReadAsync(new GrainId(CacheGrainTypes.MemoizeVersion, versionKey), CancellationToken.None)).RecordExists;
}

/// <summary>A random source for "big_foo" style functions whose result changes on every run.</summary>
public static class Randoms
{
    private static long s_counter;

    public static long Next() => Interlocked.Increment(ref s_counter) * 7919 + Random.Shared.Next(1000);
}
