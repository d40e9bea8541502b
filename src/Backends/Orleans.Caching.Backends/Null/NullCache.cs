namespace Orleans.Caching;

/// <summary>
/// A cache that stores nothing (Flask-Caching's <c>NullCache</c>): reads miss, <c>has</c> is <see langword="false"/>,
/// writes, deletes and <c>clear</c> report success, and <c>inc</c>/<c>dec</c> return the delta as if counting from 0.
/// Use it to switch caching off without changing code.
/// </summary>
public sealed class NullCache : CacheBackend
{
    private static readonly ValueTask<byte[]?> s_miss = ValueTask.FromResult<byte[]?>(null);
    private static readonly ValueTask<bool> s_true = ValueTask.FromResult(true);
    private static readonly ValueTask<bool> s_false = ValueTask.FromResult(false);

    /// <summary>Initializes a new instance of the <see cref="NullCache"/> class with default options.</summary>
    public NullCache()
        : this(new CacheBackendOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NullCache"/> class.</summary>
    /// <param name="options">The options; keys and values are still validated against their limits.</param>
    /// <param name="timeProvider">Unused by this backend; accepted so every backend is built the same way.</param>
    public NullCache(CacheBackendOptions options, TimeProvider? timeProvider = null)
        : base(options, timeProvider)
    {
    }

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => s_miss;

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => s_true;

    /// <inheritdoc/>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => s_true;

    /// <inheritdoc/>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => s_true;

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => s_false;

    /// <inheritdoc/>
    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => s_true;

    /// <inheritdoc/>
    protected override ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
        => ValueTask.FromResult<long?>(delta);
}
