namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>A backend that is down: every operation throws, as a cache whose server is unreachable would.</summary>
public sealed class OutageBackend() : CacheBackend(new CacheBackendOptions())
{
    public int Failures { get; private set; }

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => Fail<byte[]?>();

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => Fail<bool>();

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => Fail<bool>();

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => Fail<bool>();

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => Fail<bool>();

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => Fail<bool>();

    private ValueTask<T> Fail<T>()
    {
        Failures++;
        throw new CacheException("The test backend is down.");
    }
}
