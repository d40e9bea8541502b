using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The <c>Cluster</c> mode's batches: groups a multi-key operation's keys by owner under the client's current view and sends one
/// <see cref="ICacheClusterControl"/> call per silo. A group whose silo left the view, answers <see cref="RejectionReason.NotOwner"/> or
/// <see cref="RejectionReason.Unavailable"/>, or cannot be reached falls back to one call per key (routed and retried as usual).
/// <c>clear</c> asks every Active silo.
/// </summary>
internal sealed class ClusterBatchInvoker : IGrainBatchInvoker, ICacheSiloControl
{
    private readonly ClusterClient _client;
    private readonly IGrainFactory _grains;

    public ClusterBatchInvoker(ClusterClient client, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(grains);
        _client = client;
        _grains = grains;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => await RunAsync(
            keys.Count,
            i => keys[i],
            (silo, indices, ct) => Control(silo, new CacheControlGetManyRequest(Select(keys, indices)), ct),
            (i, ct) => Entry(keys[i]).GetAsync(ct),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<bool>> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        var values = new byte[items.Count][];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = items[i].Value.ToArray();
        }

        return await RunAsync(
            items.Count,
            i => items[i].Key,
            (silo, indices, ct) =>
            {
                var group = new KeyValuePair<string, byte[]>[indices.Count];
                for (int j = 0; j < group.Length; j++)
                {
                    group[j] = new KeyValuePair<string, byte[]>(items[indices[j]].Key, values[indices[j]]);
                }

                return Control(silo, new CacheControlSetManyRequest(group, timeToLive), ct);
            },
            (i, ct) => Entry(items[i].Key).SetAsync(values[i], timeToLive, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<bool>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        => await RunAsync(
            keys.Count,
            i => keys[i],
            (silo, indices, ct) => Control(silo, new CacheControlDeleteManyRequest(Select(keys, indices)), ct),
            (i, ct) => Entry(keys[i]).DeleteAsync(ct),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Clears every Active silo; a silo that left the cluster meanwhile is skipped.</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns><see langword="true"/> if every silo reported its clear as done.</returns>
    /// <exception cref="GrainCallRejectedException">No silo is Active, or an Active silo could not be cleared.</exception>
    public async ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SiloAddress> silos = _client.CurrentView.ActiveSilos;
        if (silos.Count == 0)
        {
            throw new GrainCallRejectedException(RejectionReason.Unavailable, "No silo is Active; the cluster cannot be cleared.");
        }

        var clears = new Task<bool>[silos.Count];
        for (int i = 0; i < clears.Length; i++)
        {
            clears[i] = ClearSiloAsync(silos[i], cancellationToken);
        }

        bool[] results = await Task.WhenAll(clears).ConfigureAwait(false);
        return Array.TrueForAll(results, static done => done);
    }

    private static string[] Select(IReadOnlyList<string> keys, List<int> indices)
    {
        var selected = new string[indices.Count];
        for (int j = 0; j < selected.Length; j++)
        {
            selected[j] = keys[indices[j]];
        }

        return selected;
    }

    private static bool IsUndelivered(GrainCallRejectedException exception)
        => exception.Reason is RejectionReason.NotOwner or RejectionReason.Unavailable;

    private async Task<bool> ClearSiloAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        try
        {
            return await Control(silo, CacheControlClearRequest.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch (GrainCallRejectedException ex) when (IsUndelivered(ex))
        {
            await _client.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (_client.CurrentView.IsActive(silo))
            {
                throw;
            }

            return true;
        }
    }

    private async Task<TResult[]> RunAsync<TResult>(
        int count,
        Func<int, string> keyOf,
        Func<SiloAddress, List<int>, CancellationToken, ValueTask<TResult[]>> sendBatch,
        Func<int, CancellationToken, ValueTask<TResult>> sendOne,
        CancellationToken cancellationToken)
    {
        var results = new TResult[count];
        MembershipView view = _client.CurrentView;
        var groups = new Dictionary<SiloAddress, List<int>>();
        var unowned = new List<int>();
        for (int i = 0; i < count; i++)
        {
            SiloAddress? owner = view.SelectOwner(new GrainId(CacheGrainTypes.Entry, keyOf(i)));
            if (owner is null)
            {
                unowned.Add(i);
            }
            else if (groups.TryGetValue(owner, out List<int>? group))
            {
                group.Add(i);
            }
            else
            {
                groups[owner] = [i];
            }
        }

        var work = new List<Task>(groups.Count + 1);
        foreach (KeyValuePair<SiloAddress, List<int>> group in groups)
        {
            work.Add(RunGroupAsync(group.Key, group.Value, results, sendBatch, sendOne, cancellationToken));
        }

        if (unowned.Count > 0)
        {
            work.Add(RunSinglesAsync(unowned, results, sendOne, cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
        return results;
    }

    private async Task RunGroupAsync<TResult>(
        SiloAddress silo,
        List<int> indices,
        TResult[] results,
        Func<SiloAddress, List<int>, CancellationToken, ValueTask<TResult[]>> sendBatch,
        Func<int, CancellationToken, ValueTask<TResult>> sendOne,
        CancellationToken cancellationToken)
    {
        if (_client.CurrentView.IsActive(silo))
        {
            try
            {
                TResult[] batch = await sendBatch(silo, indices, cancellationToken).ConfigureAwait(false);
                if (batch.Length != indices.Count)
                {
                    throw new WireProtocolException($"Silo {silo} answered a batch of {indices.Count} keys with {batch.Length} results.");
                }

                for (int j = 0; j < batch.Length; j++)
                {
                    results[indices[j]] = batch[j];
                }

                return;
            }
            catch (GrainCallRejectedException ex) when (IsUndelivered(ex))
            {
                // The silo left, restarted or is stopping: each key goes to its owner under the refreshed view.
            }
        }

        await RunSinglesAsync(indices, results, sendOne, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunSinglesAsync<TResult>(List<int> indices, TResult[] results, Func<int, CancellationToken, ValueTask<TResult>> sendOne, CancellationToken cancellationToken)
    {
        var calls = new Task<TResult>[indices.Count];
        for (int j = 0; j < calls.Length; j++)
        {
            calls[j] = sendOne(indices[j], cancellationToken).AsTask();
        }

        TResult[] values = await Task.WhenAll(calls).ConfigureAwait(false);
        for (int j = 0; j < values.Length; j++)
        {
            results[indices[j]] = values[j];
        }
    }

    private ValueTask<TResult> Control<TResult>(SiloAddress silo, GrainRequest<TResult> request, CancellationToken cancellationToken)
        => _client.InvokeAsync(SystemTargets.ForSilo(CacheGrainTypes.ClusterControl, silo), request, cancellationToken);

    private ICacheEntryGrain Entry(string key) => _grains.GetGrain<ICacheEntryGrain>(key);
}
