namespace Orleans.Caching.Grains.Tests.Hosting;

/// <summary>A backend over a real one that fails every write and delete while <see cref="Down"/> (a store that went away), passing reads through.</summary>
public sealed class ChaosBackend(ICacheBackend inner) : CacheBackend(new CacheBackendOptions())
{
    public bool Down { get; set; }

    public int FailedCalls { get; private set; }

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    protected override ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken) => inner.GetEntryAsync(key, cancellationToken);

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.SetAsync(key, value, timeout, cancellationToken);
    }

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.AddAsync(key, value, timeout, cancellationToken);
    }

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return inner.DeleteAsync(key, cancellationToken);
    }

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => inner.HasAsync(key, cancellationToken);

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);

    private void ThrowIfDown()
    {
        if (Down)
        {
            FailedCalls++;
            throw new CacheException("Chaos: the backend is down.");
        }
    }
}
