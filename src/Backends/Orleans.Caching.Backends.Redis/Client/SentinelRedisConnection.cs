using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// <see cref="IRedisConnection"/> over a Sentinel-managed master: writes go to the master the sentinels name, reads to a healthy replica
/// (when enabled, falling back to the master). When an operation fails, the sentinels are asked again; if they name another master
/// (a failover), the connections are replaced and the operation is tried once more. While reads should go to a replica and none was
/// healthy at the last lookup (a replica still resynchronizing after a failover), the sentinels are asked again in the background,
/// at most every <see cref="ReplicaLookupInterval"/>.
/// </summary>
internal sealed class SentinelRedisConnection : IRedisConnection
{
    private readonly SentinelMasterResolver _resolver;
    private readonly RedisConnectionSettings _template;
    private readonly bool _readFromReplicas;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private Topology? _topology;
    private long _nextReplicaLookupTicks;
    private int _lookingForReplica;

    public SentinelRedisConnection(SentinelMasterResolver resolver, RedisConnectionSettings template, bool readFromReplicas, ILogger logger, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _resolver = resolver;
        _template = template;
        _readFromReplicas = readFromReplicas;
        _logger = logger;
    }

    /// <summary>How often the sentinels are asked for a healthy replica while none is in use.</summary>
    internal static TimeSpan ReplicaLookupInterval { get; } = TimeSpan.FromSeconds(1);

    public string Description => _topology?.Master.Description ?? _resolver.Description;

    /// <summary>Gets the master in use, once resolved.</summary>
    internal RedisEndpoint? CurrentMaster => _topology?.MasterEndpoint;

    /// <summary>Gets the replica reads go to, once resolved (<see langword="null"/> if none is healthy).</summary>
    internal string? CurrentReplica => _topology?.Replica?.Description;

    public void Dispose()
    {
        _topology?.Dispose();
        _resolver.Dispose();
        _refreshGate.Dispose();
    }

    public Task<byte[]?> GetAsync(string key) => ReadAsync(key, static (c, k) => c.GetAsync(k));

    public Task<(byte[]? Value, TimeSpan? TimeToLive)> GetWithTimeToLiveAsync(string key) => ReadAsync(key, static (c, k) => c.GetWithTimeToLiveAsync(k));

    public Task<bool> ExistsAsync(string key) => ReadAsync(key, static (c, k) => c.ExistsAsync(k));

    public Task<byte[]?[]> GetManyAsync(IReadOnlyList<string> keys) => ReadAsync(keys, static (c, k) => c.GetManyAsync(k));

    public Task<KeyValuePair<string, string>[]> HashGetAllAsync(string key) => WriteAsync(key, static (c, k) => c.HashGetAllAsync(k));

    public Task<string?[]> HashGetAsync(string key, IReadOnlyList<string> fields) => WriteAsync((key, fields), static (c, s) => c.HashGetAsync(s.key, s.fields));

    public Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry, bool onlyIfMissing)
        => WriteAsync((key, value, expiry, onlyIfMissing), static (c, s) => c.SetAsync(s.key, s.value, s.expiry, s.onlyIfMissing));

    public Task<bool> DeleteAsync(string key) => WriteAsync(key, static (c, k) => c.DeleteAsync(k));

    public Task<long> DeleteAsync(IReadOnlyList<string> keys) => WriteAsync(keys, static (c, k) => c.DeleteAsync(k));

    public Task<long> IncrementAsync(string key, long delta) => WriteAsync((key, delta), static (c, s) => c.IncrementAsync(s.key, s.delta));

    public Task<bool[]> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, TimeSpan? expiry)
        => WriteAsync((items, expiry), static (c, s) => c.SetManyAsync(s.items, s.expiry));

    public Task<long> DeleteByPrefixAsync(string prefix) => WriteAsync(prefix, static (c, p) => c.DeleteByPrefixAsync(p));

    public Task FlushDatabaseAsync() => WriteAsync(0, static async (c, _) =>
    {
        await c.FlushDatabaseAsync().ConfigureAwait(false);
        return true;
    });

    public Task<bool> HashSetIfMissingAsync(string key, string field, string value)
        => WriteAsync((key, field, value), static (c, s) => c.HashSetIfMissingAsync(s.key, s.field, s.value));

    public Task<bool> HashTransactionAsync(string key, string conditionField, string expectedValue, IReadOnlyList<KeyValuePair<string, string>> sets, IReadOnlyList<string> deletes)
        => WriteAsync((key, conditionField, expectedValue, sets, deletes), static (c, s) => c.HashTransactionAsync(s.key, s.conditionField, s.expectedValue, s.sets, s.deletes));

    private async Task<TResult> WriteAsync<TState, TResult>(TState state, Func<IRedisConnection, TState, Task<TResult>> operation)
    {
        Topology topology = await GetTopologyAsync().ConfigureAwait(false);
        try
        {
            return await operation(topology.Master, state).ConfigureAwait(false);
        }
        catch (CacheException)
        {
            Topology? moved = await RefreshAsync(topology).ConfigureAwait(false);
            if (moved is null)
            {
                throw;
            }

            return await operation(moved.Master, state).ConfigureAwait(false);
        }
    }

    private async Task<TResult> ReadAsync<TState, TResult>(TState state, Func<IRedisConnection, TState, Task<TResult>> operation)
    {
        Topology topology = await GetTopologyAsync().ConfigureAwait(false);
        if (_readFromReplicas && topology.Replica is { } replica)
        {
            try
            {
                return await operation(replica, state).ConfigureAwait(false);
            }
            catch (CacheException)
            {
                // A replica that fails is skipped; the master answers instead.
            }
        }
        else if (_readFromReplicas)
        {
            LookForReplica(topology);
        }

        return await WriteAsync(state, operation).ConfigureAwait(false);
    }

    private void LookForReplica(Topology topology)
    {
        long now = _timeProvider.GetUtcNow().UtcTicks;
        if (now < Volatile.Read(ref _nextReplicaLookupTicks) || Interlocked.Exchange(ref _lookingForReplica, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _nextReplicaLookupTicks, now + ReplicaLookupInterval.Ticks);
        _ = LookForReplicaAsync(topology);
    }

    private async Task LookForReplicaAsync(Topology topology)
    {
        try
        {
            await _refreshGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!ReferenceEquals(_topology, topology))
                {
                    return;
                }

                (RedisEndpoint master, IReadOnlyList<RedisEndpoint> replicas) = await _resolver.ResolveAsync().ConfigureAwait(false);
                if (master == topology.MasterEndpoint && replicas.Count > 0)
                {
                    // The master connection stays; only the replica is added (the old record is not disposed: it shares the master).
                    _topology = topology with { Replica = new StackExchangeRedisConnection(_template with { Endpoints = [replicas[0]], ReadFromReplica = true }, _logger) };
                }
            }
            finally
            {
                _refreshGate.Release();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The sentinels could not answer; the next read after the interval asks again.
            _ = exception;
        }
        finally
        {
            Volatile.Write(ref _lookingForReplica, 0);
        }
    }

    private async ValueTask<Topology> GetTopologyAsync()
        => _topology ?? await RefreshAsync(null).ConfigureAwait(false) ?? _topology!;

    /// <summary>Asks the sentinels again; returns the new topology if the master moved (or none was known), else <see langword="null"/>.</summary>
    private async Task<Topology?> RefreshAsync(Topology? failed)
    {
        await _refreshGate.WaitAsync().ConfigureAwait(false);
        try
        {
            Topology? current = _topology;
            if (current is not null && !ReferenceEquals(current, failed))
            {
                return current;
            }

            (RedisEndpoint master, IReadOnlyList<RedisEndpoint> replicas) = await _resolver.ResolveAsync().ConfigureAwait(false);
            if (current is not null && current.MasterEndpoint == master)
            {
                return null;
            }

            Log.SentinelMasterChanged(_logger, _resolver.Description, master.ToString(), current?.MasterEndpoint.ToString() ?? "none");
            var next = new Topology(
                master,
                new StackExchangeRedisConnection(_template with { Endpoints = [master] }, _logger),
                replicas.Count == 0 ? null : new StackExchangeRedisConnection(_template with { Endpoints = [replicas[0]], ReadFromReplica = true }, _logger));
            _topology = next;
            current?.Dispose();
            return next;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private sealed record Topology(RedisEndpoint MasterEndpoint, IRedisConnection Master, IRedisConnection? Replica) : IDisposable
    {
        public void Dispose()
        {
            Master.Dispose();
            Replica?.Dispose();
        }
    }
}
