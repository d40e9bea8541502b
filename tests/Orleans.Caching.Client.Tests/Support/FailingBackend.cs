namespace Orleans.Caching.Tests.Support;

/// <summary>A backend over a <see cref="SimpleCache"/> whose reads and writes can be made to throw, to test how decorators survive a broken cache.</summary>
public sealed class FailingBackend(TimeProvider? timeProvider = null) : CacheBackend(new CacheBackendOptions(), timeProvider)
{
    private readonly SimpleCache _inner = new(new SimpleCacheOptions(), timeProvider);

    public bool FailReads { get; set; } = true;

    public bool FailWrites { get; set; } = true;

    public int Failures { get; private set; }

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
        => FailReads ? Fail<byte[]?>() : _inner.GetAsync(key, cancellationToken);

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => FailWrites ? Fail<bool>() : _inner.SetAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => FailWrites ? Fail<bool>() : _inner.AddAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
        => FailWrites ? Fail<bool>() : _inner.DeleteAsync(key, cancellationToken);

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
        => FailReads ? Fail<bool>() : _inner.HasAsync(key, cancellationToken);

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
        => FailWrites ? Fail<bool>() : _inner.ClearAsync(cancellationToken);

    private ValueTask<T> Fail<T>()
    {
        Failures++;
        throw new CacheException("The test backend is down.");
    }
}
