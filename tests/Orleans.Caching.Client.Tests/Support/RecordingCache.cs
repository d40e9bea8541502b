using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Support;

/// <summary>A <see cref="Cache"/> subclass that records which public virtual methods the decorators call (Flask's test_subclassing).</summary>
public sealed class RecordingCache(ICacheBackend backend, CacheOptions? options = null, ILogger<Cache>? logger = null, TimeProvider? timeProvider = null)
    : Cache(backend, options, logger: logger, timeProvider: timeProvider)
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public void ClearCalls()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    public override ValueTask<object?> GetAsync(string key, Type type, CancellationToken cancellationToken = default)
    {
        Record("get");
        return base.GetAsync(key, type, cancellationToken);
    }

    public override ValueTask<bool> HasAsync(string key, CancellationToken cancellationToken = default)
    {
        Record("has");
        return base.HasAsync(key, cancellationToken);
    }

    public override ValueTask<bool> SetAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        Record("set");
        return base.SetAsync(key, value, timeout, cancellationToken);
    }

    public override ValueTask<bool> AddAsync(string key, object? value, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        Record("add");
        return base.AddAsync(key, value, timeout, cancellationToken);
    }

    public override ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Record("delete");
        return base.DeleteAsync(key, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<string>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        Record("delete_many");
        return base.DeleteManyAsync(keys, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<object?>> GetManyAsync(IReadOnlyList<string> keys, Type type, CancellationToken cancellationToken = default)
    {
        Record("get_many");
        return base.GetManyAsync(keys, type, cancellationToken);
    }

    public override ValueTask<IReadOnlyList<string>> SetManyAsync(IReadOnlyDictionary<string, object?> mapping, CacheTimeout? timeout = null, CancellationToken cancellationToken = default)
    {
        Record("set_many");
        return base.SetManyAsync(mapping, timeout, cancellationToken);
    }

    private void Record(string name)
    {
        lock (_calls)
        {
            _calls.Add(name);
        }
    }
}
