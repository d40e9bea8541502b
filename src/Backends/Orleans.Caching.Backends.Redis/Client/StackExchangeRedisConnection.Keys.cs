using System.Net;
using System.Text;
using StackExchange.Redis;

namespace Orleans.Caching.Backends.Redis;

internal sealed partial class StackExchangeRedisConnection
{
    private const int ScanPageSize = 500;

    public Task<byte[]?[]> GetManyAsync(IReadOnlyList<string> keys)
        => RunOnMultiplexerAsync("MGET", (keys, this), static async (multiplexer, s) =>
        {
            IDatabase db = multiplexer.GetDatabase(s.Item2._settings.Db);
            var result = new byte[]?[s.keys.Count];
            foreach (int[] group in s.Item2.GroupBySlot(multiplexer, s.keys))
            {
                var batch = new RedisKey[group.Length];
                for (int i = 0; i < group.Length; i++)
                {
                    batch[i] = s.keys[group[i]];
                }

                RedisValue[] values = await db.StringGetAsync(batch, s.Item2._readFlags).ConfigureAwait(false);
                for (int i = 0; i < group.Length; i++)
                {
                    result[group[i]] = (byte[]?)values[i];
                }
            }

            return result;
        });

    public Task<long> DeleteAsync(IReadOnlyList<string> keys)
        => RunOnMultiplexerAsync("DEL", (keys, this), static async (multiplexer, s) =>
        {
            IDatabase db = multiplexer.GetDatabase(s.Item2._settings.Db);
            long deleted = 0;
            foreach (int[] group in s.Item2.GroupBySlot(multiplexer, s.keys))
            {
                var batch = new RedisKey[group.Length];
                for (int i = 0; i < group.Length; i++)
                {
                    batch[i] = s.keys[group[i]];
                }

                deleted += await db.KeyDeleteAsync(batch).ConfigureAwait(false);
            }

            return deleted;
        });

    public Task<long> DeleteByPrefixAsync(string prefix)
        => RunOnMultiplexerAsync("SCAN MATCH + DEL", (prefix, this), static async (multiplexer, s) =>
        {
            RedisValue pattern = EscapeGlob(s.prefix) + "*";
            long deleted = 0;
            foreach (IServer server in s.Item2.Masters(multiplexer))
            {
                // IServer.Keys pages with SCAN (never KEYS on servers that have SCAN); its paging is synchronous, so run it off the caller's thread.
                List<string> page = [];
                IEnumerator<RedisKey> cursor = server.Keys(s.Item2._settings.Db, pattern, ScanPageSize).GetEnumerator();
                try
                {
                    while (await Task.Run(cursor.MoveNext).ConfigureAwait(false))
                    {
                        page.Add(cursor.Current!);
                        if (page.Count == ScanPageSize)
                        {
                            deleted += await s.Item2.DeleteAsync(page).ConfigureAwait(false);
                            page.Clear();
                        }
                    }
                }
                finally
                {
                    cursor.Dispose();
                }

                if (page.Count > 0)
                {
                    deleted += await s.Item2.DeleteAsync(page).ConfigureAwait(false);
                }
            }

            return deleted;
        });

    public Task FlushDatabaseAsync()
        => RunOnMultiplexerAsync("FLUSHDB", this, static async (multiplexer, self) =>
        {
            foreach (IServer server in self.Masters(multiplexer))
            {
                await server.FlushDatabaseAsync(self._settings.Db).ConfigureAwait(false);
            }

            return true;
        });

    private static string EscapeGlob(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (char c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private List<IServer> Masters(ConnectionMultiplexer multiplexer)
    {
        var masters = new List<IServer>();
        foreach (EndPoint endpoint in multiplexer.GetEndPoints())
        {
            IServer server = multiplexer.GetServer(endpoint);
            if (server.IsConnected && !server.IsSlave)
            {
                masters.Add(server);
            }
        }

        if (masters.Count == 0)
        {
            throw new CacheException($"Redis {Description} has no connected master (the server is down or unreachable).");
        }

        return masters;
    }

    /// <summary>Groups key indexes by hash slot on a cluster (so no command crosses slots); one group otherwise.</summary>
    private IEnumerable<int[]> GroupBySlot(ConnectionMultiplexer multiplexer, IReadOnlyList<string> keys)
    {
        if (!_settings.IsCluster)
        {
            var all = new int[keys.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return all.Length == 0 ? [] : [all];
        }

        var bySlot = new Dictionary<int, List<int>>();
        for (int i = 0; i < keys.Count; i++)
        {
            int slot = multiplexer.HashSlot(keys[i]);
            if (!bySlot.TryGetValue(slot, out List<int>? group))
            {
                bySlot[slot] = group = [];
            }

            group.Add(i);
        }

        return bySlot.Values.Select(group => group.ToArray());
    }
}
