namespace Orleans.Caching.Tests.Chaos;

/// <summary>
/// Wraps a backend (used without its own prefix) and refuses to delete the keys in <see cref="StuckKeys"/>: their delete
/// returns <see langword="false"/> and they stay. Everything else passes through, so <see cref="CacheBackend"/>'s
/// multi-key logic runs unchanged.
/// </summary>
public sealed class DeleteFailingBackend(ICacheBackend inner, CacheBackendOptions options) : CacheBackend(options)
{
    public HashSet<string> StuckKeys { get; } = new(StringComparer.Ordinal);

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => inner.SetAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => inner.AddAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
        => StuckKeys.Contains(key) ? ValueTask.FromResult(false) : inner.DeleteAsync(key, cancellationToken);

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => inner.HasAsync(key, cancellationToken);

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);
}
