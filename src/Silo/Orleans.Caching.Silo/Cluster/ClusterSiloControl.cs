using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary><c>clear()</c> on one cluster silo: its activations are dropped and its storage cleared (clients ask every Active silo).</summary>
internal sealed class ClusterSiloControl : ICacheSiloControl
{
    private readonly LocalSilo _runtime;
    private readonly LocalSiloStorage _storage;

    public ClusterSiloControl(LocalSilo runtime, LocalSiloStorage storage)
    {
        _runtime = runtime;
        _storage = storage;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        await _runtime.DeactivateAllAsync(DeactivationReason.Cleared, filter: null, cancellationToken).ConfigureAwait(false);
        return await _storage.ClearAsync(cancellationToken).ConfigureAwait(false);
    }
}
