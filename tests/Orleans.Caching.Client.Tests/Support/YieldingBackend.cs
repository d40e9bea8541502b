namespace Orleans.Caching.Tests.Support;

/// <summary>A backend over a <see cref="SimpleCache"/> that never completes synchronously, like a remote store.</summary>
public sealed class YieldingBackend(TimeProvider? timeProvider = null) : CacheBackend(new CacheBackendOptions(), timeProvider)
{
    private readonly SimpleCache _inner = new(new SimpleCacheOptions(), timeProvider);

    protected override async ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.GetAsync(key, cancellationToken);
    }

    protected override async ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.SetAsync(key, value, timeout, cancellationToken);
    }

    protected override async ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.AddAsync(key, value, timeout, cancellationToken);
    }

    protected override async ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.DeleteAsync(key, cancellationToken);
    }

    protected override async ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.HasAsync(key, cancellationToken);
    }

    protected override async ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await _inner.ClearAsync(cancellationToken);
    }
}
