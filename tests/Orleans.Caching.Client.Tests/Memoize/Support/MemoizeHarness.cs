namespace Orleans.Caching.Tests.Memoize;

/// <summary>A SimpleCache-backed cache on a fake clock, as Flask-Caching's memoize tests use.</summary>
public sealed class MemoizeHarness
{
    public MemoizeHarness(CacheOptions? options = null, CacheTimeout? defaultTimeout = null, Func<SimpleCache, Cache>? factory = null)
    {
        var backendOptions = new SimpleCacheOptions();
        if (defaultTimeout is { } timeout)
        {
            backendOptions.DefaultTimeout = timeout;
        }

        Backend = new SimpleCache(backendOptions, Clock);
        Cache = factory?.Invoke(Backend) ?? new Cache(Backend, options, timeProvider: Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public SimpleCache Backend { get; }

    public Cache Cache { get; }

    public void Advance(double seconds) => Clock.Advance(seconds);

    /// <summary>Tells whether a memoize version key holds a version: in direct mode it is a cache entry.</summary>
    public async Task<bool> HasVersionAsync(string versionKey) => await Cache.GetAsync(versionKey) is not null;
}

/// <summary>A random source for "big_foo" style functions whose result changes on every run.</summary>
public static class Randoms
{
    private static long s_counter;

    public static long Next() => Interlocked.Increment(ref s_counter) * 7919 + Random.Shared.Next(1000);
}

/// <summary>A Cache subclass that records which public methods the decorators call (Flask's test_subclassing).</summary>
public sealed class RecordingCache(ICacheBackend backend, CacheOptions? options = null, TimeProvider? timeProvider = null)
    : Cache(backend, options, timeProvider: timeProvider)
{
    public List<string> Calls { get; } = [];

    public override ValueTask<object?> GetAsync(string key, Type type, CancellationToken cancellationToken = default)
    {
        Calls.Add("get");
        return base.GetAsync(key, type, cancellationToken);
    }

    public override ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken = default)
    {
        Calls.Add("has");
        return base.HasAsync(key, cancellationToken);
    }

    public override ValueTask<bool> SetAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        Calls.Add("set");
        return base.SetAsync(key, value, timeout, cancellationToken);
    }

    public override ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Calls.Add("delete");
        return base.DeleteAsync(key, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<string>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        Calls.Add("delete_many");
        return base.DeleteManyAsync(keys, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<object?>> GetManyAsync(IReadOnlyList<string> keys, Type type, CancellationToken cancellationToken = default)
    {
        Calls.Add("get_many");
        return base.GetManyAsync(keys, type, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<string>> SetManyAsync(IReadOnlyDictionary<string, object?> mapping, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        Calls.Add("set_many");
        return base.SetManyAsync(mapping, timeout, cancellationToken);
    }
}

/// <summary>A cache whose backend reads can be made to fail.</summary>
public sealed class FailingCache(ICacheBackend backend, CacheOptions? options = null, TimeProvider? timeProvider = null)
    : Cache(backend, options, timeProvider: timeProvider)
{
    public bool FailReads { get; set; }

    public bool FailWrites { get; set; }

    public override ValueTask<IReadOnlyList<object?>> GetManyAsync(IReadOnlyList<string> keys, Type type, CancellationToken cancellationToken = default)
        => FailReads ? throw new CacheException("backend down") : base.GetManyAsync(keys, type, cancellationToken);

    public override ValueTask<bool> SetAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
        => FailWrites ? throw new CacheException("backend down") : base.SetAsync(key, value, timeout, cancellationToken);
}
