using StackExchange.Redis;

namespace Orleans.Caching.Backends.Redis;

internal sealed partial class StackExchangeRedisConnection
{
    public Task<KeyValuePair<string, string>[]> HashGetAllAsync(string key)
        => RunAsync("HGETALL", key, static async (db, k) =>
        {
            HashEntry[] entries = await db.HashGetAllAsync(k).ConfigureAwait(false);
            var result = new KeyValuePair<string, string>[entries.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                result[i] = new(entries[i].Name!, entries[i].Value!);
            }

            return result;
        });

    public Task<string?[]> HashGetAsync(string key, IReadOnlyList<string> fields)
        => RunAsync("HMGET", (key, fields), static async (db, s) =>
        {
            var names = new RedisValue[s.fields.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = s.fields[i];
            }

            RedisValue[] values = await db.HashGetAsync(s.key, names).ConfigureAwait(false);
            var result = new string?[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = values[i].IsNull ? null : (string?)values[i];
            }

            return result;
        });

    public Task<bool> HashSetIfMissingAsync(string key, string field, string value)
        => RunAsync("HSETNX", (key, field, value), static (db, s) => db.HashSetAsync(s.key, s.field, s.value, When.NotExists));

    public Task<bool> HashTransactionAsync(string key, string conditionField, string expectedValue, IReadOnlyList<KeyValuePair<string, string>> sets, IReadOnlyList<string> deletes)
        => RunAsync("MULTI/EXEC", (key, conditionField, expectedValue, sets, deletes), static (db, s) =>
        {
            ITransaction transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(s.key, s.conditionField, s.expectedValue));
            if (s.sets.Count > 0)
            {
                var entries = new HashEntry[s.sets.Count];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = new HashEntry(s.sets[i].Key, s.sets[i].Value);
                }

                _ = transaction.HashSetAsync(s.key, entries);
            }

            if (s.deletes.Count > 0)
            {
                var fields = new RedisValue[s.deletes.Count];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = s.deletes[i];
                }

                _ = transaction.HashDeleteAsync(s.key, fields);
            }

            return transaction.ExecuteAsync();
        });
}
