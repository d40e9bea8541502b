using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The silo side of <see cref="ICacheClusterControl"/>: runs a batch by calling each key's entry grain concurrently through the silo's
/// grain factory (local when this silo owns the key, forwarded otherwise), and <c>clear</c> through the silo's <see cref="ICacheSiloControl"/>.
/// </summary>
internal sealed class CacheClusterControl : ICacheClusterControl
{
    private readonly IGrainFactory _grains;
    private readonly ICacheSiloControl _control;

    public CacheClusterControl(IGrainFactory grains, ICacheSiloControl control)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(control);
        _grains = grains;
        _control = control;
    }

    /// <inheritdoc/>
    public ValueTask<byte[]?[]> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var calls = new ValueTask<byte[]?>[keys.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Entry(keys[i]).GetAsync(cancellationToken);
        }

        return WhenAllAsync(calls);
    }

    /// <inheritdoc/>
    public ValueTask<bool[]> SetManyAsync(IReadOnlyList<KeyValuePair<string, byte[]>> items, TimeSpan? timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var calls = new ValueTask<bool>[items.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Entry(items[i].Key).SetAsync(items[i].Value, timeToLive, cancellationToken);
        }

        return WhenAllAsync(calls);
    }

    /// <inheritdoc/>
    public ValueTask<bool[]> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var calls = new ValueTask<bool>[keys.Count];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Entry(keys[i]).DeleteAsync(cancellationToken);
        }

        return WhenAllAsync(calls);
    }

    /// <inheritdoc/>
    public ValueTask<bool> ClearAsync(CancellationToken cancellationToken = default) => _control.ClearAsync(cancellationToken);

    private static ValueTask<T[]> WhenAllAsync<T>(ValueTask<T>[] calls)
    {
        var results = new T[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            if (!calls[i].IsCompletedSuccessfully)
            {
                return AwaitRestAsync(calls, results, i);
            }

            results[i] = calls[i].Result;
        }

        return new ValueTask<T[]>(results);
    }

    private static async ValueTask<T[]> AwaitRestAsync<T>(ValueTask<T>[] calls, T[] results, int first)
    {
        var tasks = new Task<T>[calls.Length - first];
        for (int i = first; i < calls.Length; i++)
        {
            tasks[i - first] = calls[i].AsTask();
        }

        T[] rest = await Task.WhenAll(tasks).ConfigureAwait(false);
        rest.CopyTo(results, first);
        return results;
    }

    private ICacheEntryGrain Entry(string key) => _grains.GetGrain<ICacheEntryGrain>(key);
}
