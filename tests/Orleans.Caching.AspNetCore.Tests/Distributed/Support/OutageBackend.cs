namespace Orleans.Caching.AspNetCore.Tests.Distributed.Support;

/// <summary>A <see cref="SimpleCache"/> that fails every operation with a <see cref="CacheException"/> while <see cref="Down"/> is set.</summary>
public sealed class OutageBackend(TimeProvider clock) : CacheBackend(new CacheBackendOptions(), clock)
{
    private readonly SimpleCache _inner = new(new SimpleCacheOptions(), clock);

    public bool Down { get; set; } = true;

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => Check() ? _inner.GetAsync(key, cancellationToken) : default;

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => Check() ? _inner.SetAsync(key, value, timeout, cancellationToken) : default;

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => Check() ? _inner.AddAsync(key, value, timeout, cancellationToken) : default;

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => Check() ? _inner.DeleteAsync(key, cancellationToken) : default;

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => Check() ? _inner.HasAsync(key, cancellationToken) : default;

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => Check() ? _inner.ClearAsync(cancellationToken) : default;

    private bool Check() => Down ? throw new CacheException("The backend is down (test outage).") : true;
}
