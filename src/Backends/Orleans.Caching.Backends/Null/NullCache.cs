namespace Orleans.Caching;

/// <summary>A cache that stores nothing (Flask-Caching's <c>NullCache</c>): reads miss, writes report success, <c>has</c> is false.</summary>
public sealed class NullCache : CacheBackend
{
    /// <summary>Initializes a new instance of the <see cref="NullCache"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock.</param>
    public NullCache(CacheBackendOptions? options = null, TimeProvider? timeProvider = null)
        : base(options ?? new CacheBackendOptions(), timeProvider)
    {
    }

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <inheritdoc/>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <inheritdoc/>
    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <inheritdoc/>
    protected override ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken) => ValueTask.FromResult<long?>(delta);
}
