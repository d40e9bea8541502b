using Orleans.Caching.Backends.Memcached;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

public partial class MemcachedCache
{
    /// <inheritdoc/>
    /// <remarks>One round trip per server that owns any of the keys (the servers are asked concurrently); a server that is down makes
    /// its keys misses while the others answer.</remarks>
    protected override async ValueTask<IReadOnlyList<byte[]?>> GetManyCoreAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var storedKeys = new byte[keys.Count][];
        for (int i = 0; i < storedKeys.Length; i++)
        {
            storedKeys[i] = MemcachedKey.Encode(keys[i]);
        }

        MemcachedItem?[] items = await ReadItemsAsync(storedKeys, cancellationToken).ConfigureAwait(false);
        var values = new byte[]?[items.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = items[i]?.Value;
        }

        return values;
    }

    /// <summary>Reads items with their values: the keys are grouped by the server that owns them, each group is one pipelined exchange
    /// (quiet gets and an end marker), and the results come back in the order of <paramref name="storedKeys"/>. A server that is down, or
    /// fails during the exchange, makes its keys misses (logged once per server).</summary>
    private protected async ValueTask<MemcachedItem?[]> ReadItemsAsync(byte[][] storedKeys, CancellationToken cancellationToken)
    {
        var items = new MemcachedItem?[storedKeys.Length];
        if (storedKeys.Length == 0)
        {
            return items;
        }

        IReadOnlyList<MemcachedNode> nodes = Client.Nodes;
        if (nodes.Count == 1)
        {
            await ReadGroupAsync(nodes[0], storedKeys, null, items, cancellationToken).ConfigureAwait(false);
            return items;
        }

        var groups = new List<int>?[nodes.Count];
        for (int i = 0; i < storedKeys.Length; i++)
        {
            (groups[Client.LocateIndex(storedKeys[i])] ??= []).Add(i);
        }

        var reads = new List<Task>(nodes.Count);
        for (int n = 0; n < groups.Length; n++)
        {
            if (groups[n] is { } indexes)
            {
                var groupKeys = new byte[indexes.Count][];
                for (int j = 0; j < groupKeys.Length; j++)
                {
                    groupKeys[j] = storedKeys[indexes[j]];
                }

                reads.Add(ReadGroupAsync(nodes[n], groupKeys, indexes, items, cancellationToken));
            }
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        return items;
    }

    /// <summary>Reads one server's keys in one exchange into <paramref name="items"/> (at <paramref name="indexes"/>, or in order when null).</summary>
    private async Task ReadGroupAsync(MemcachedNode node, byte[][] keys, List<int>? indexes, MemcachedItem?[] items, CancellationToken cancellationToken)
    {
        if (!Client.IsAvailable(node))
        {
            Log.BatchReadMissOnUnavailableServer(Logger, keys.Length, node.Name);
            return;
        }

        MemcachedItem?[] found;
        try
        {
            found = await Client.ExecuteAsync(node, keys, static (connection, k, token) => connection.GetManyAsync(k, token), cancellationToken).ConfigureAwait(false);
        }
        catch (MemcachedServerUnavailableException)
        {
            Log.BatchReadMissOnUnavailableServer(Logger, keys.Length, node.Name);
            return;
        }

        for (int j = 0; j < found.Length; j++)
        {
            items[indexes is null ? j : indexes[j]] = found[j];
        }
    }
}
