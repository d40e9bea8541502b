using Orleans.Caching.Cluster.Tests.Acceptance.Facade;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.Memoize;

/// <summary>The memoize tests' harness over the facade cluster: a Cluster backend with a key prefix of its own, whose silos' clock follows
/// this harness's fake clock. Same surface as the client tests' SimpleCache harness, so their test classes run unchanged.</summary>
public sealed class MemoizeHarness
{
    private readonly FacadeClusterFixture _cluster = FacadeClusterFixture.Current;
    private readonly string _prefix;

    public MemoizeHarness(CacheOptions? options = null, CacheTimeout? defaultTimeout = null, Func<ICacheBackend, Cache>? factory = null)
    {
        _cluster.Clock.Follow(Clock);
        _prefix = _cluster.NextPrefix();
        var backendOptions = new CacheBackendOptions { KeyPrefix = _prefix };
        if (defaultTimeout is { } timeout)
        {
            backendOptions.DefaultTimeout = timeout;
        }

        Backend = _cluster.CreateBackend(backendOptions, Clock);
        Cache = factory?.Invoke(Backend) ?? new Cache(Backend, options, timeProvider: Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public GrainCache Backend { get; }

    public Cache Cache { get; }

    public void Advance(double seconds) => Clock.Advance(seconds);

    /// <summary>Tells whether a memoize version key holds a version: over grains it is the persisted state of its version grain.</summary>
    public Task<bool> HasVersionAsync(string versionKey) => _cluster.IsStoredAsync(new GrainId(CacheGrainTypes.MemoizeVersion, _prefix + versionKey));
}

/// <summary>A random source for "big_foo" style functions whose result changes on every run.</summary>
public static class Randoms
{
    private static long s_counter;

    public static long Next() => Interlocked.Increment(ref s_counter) * 7919 + Random.Shared.Next(1000);
}
