using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Backends.Memcached;

namespace Orleans.Caching.Memcached.Client;

/// <summary>
/// A memcached client over one or more servers: keys are placed by <see cref="KetamaLocator"/>, each server has a bounded connection
/// pool, and every operation runs under <see cref="MemcachedClientSettings.OperationTimeout"/>.
/// </summary>
/// <remarks>
/// A server that refuses or drops a connection, or does not answer in time, is marked down for
/// <see cref="MemcachedClientSettings.DeadServerRetryInterval"/>: operations on its keys fail at once with
/// <see cref="MemcachedServerUnavailableException"/> (the backends turn reads into misses), the other servers keep working, and the first
/// operation after the interval tries it again. Keys are not moved to other servers meanwhile, so nothing stale is read when it returns.
/// A failure on a pooled connection (the server restarted since it was opened) is retried once on a new connection.
/// </remarks>
internal sealed class MemcachedClient : IAsyncDisposable
{
    private readonly MemcachedNode[] _nodes;
    private readonly KetamaLocator _locator;
    private readonly MemcachedClientSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public MemcachedClient(MemcachedClientSettings settings, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _nodes = new MemcachedNode[settings.Servers.Count];
        var names = new string[_nodes.Length];
        for (int i = 0; i < _nodes.Length; i++)
        {
            _nodes[i] = new MemcachedNode(settings.Servers[i], settings);
            names[i] = settings.Servers[i].Name;
        }

        _locator = new KetamaLocator(names);
    }

    /// <summary>Gets the servers.</summary>
    public IReadOnlyList<MemcachedNode> Nodes => _nodes;

    /// <summary>Finds the server that owns a key.</summary>
    public MemcachedNode Locate(byte[] key) => _nodes[_locator.Locate(key)];

    /// <summary>Finds the index in <see cref="Nodes"/> of the server that owns a key.</summary>
    public int LocateIndex(byte[] key) => _locator.Locate(key);

    /// <summary>Tells whether operations may be sent to a server now.</summary>
    public bool IsAvailable(MemcachedNode node) => node.IsAvailable(_timeProvider.GetTimestamp());

    /// <summary>Runs one operation on a connection of <paramref name="node"/>.</summary>
    /// <exception cref="MemcachedServerUnavailableException">The server is down, or failed during the operation.</exception>
    /// <exception cref="MemcachedProtocolException">The server's reply was malformed or an error.</exception>
    /// <exception cref="MemcachedAuthenticationException">The server rejected the credentials.</exception>
    public async ValueTask<T> ExecuteAsync<TState, T>(MemcachedNode node, TState state, Func<MemcachedConnection, TState, CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        if (!node.IsAvailable(_timeProvider.GetTimestamp()))
        {
            throw new MemcachedServerUnavailableException(node.Name,
                $"it was marked down after a failure ({node.DownReason}) and is tried again at most every {_settings.DeadServerRetryInterval}.", null);
        }

        using var timeout = new CancellationTokenSource(_settings.OperationTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        for (int attempt = 0; ; attempt++)
        {
            MemcachedConnection? connection = null;
            bool reused = false;
            try
            {
                (connection, reused) = await node.Pool.RentAsync(linked.Token).ConfigureAwait(false);
                node.CountExchange();
                T result = await operation(connection, state, linked.Token).ConfigureAwait(false);
                if (node.MarkUp())
                {
                    Log.ServerRecovered(_logger, node.Name);
                }

                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw Failure(node, $"no answer within {_settings.OperationTimeout}", ex);
            }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException)
            {
                if (reused && attempt == 0)
                {
                    continue;
                }

                throw Failure(node, ex.Message, ex);
            }
            catch (MemcachedProtocolException ex)
            {
                Log.ProtocolError(_logger, ex, node.Name);
                throw;
            }
            finally
            {
                if (connection is not null)
                {
                    node.Pool.Return(connection);
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (MemcachedNode node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private MemcachedServerUnavailableException Failure(MemcachedNode node, string reason, Exception exception)
    {
        long retryAt = _timeProvider.GetTimestamp() + (long)(_settings.DeadServerRetryInterval.TotalSeconds * _timeProvider.TimestampFrequency);
        if (node.MarkDown(reason, retryAt))
        {
            Log.ServerDown(_logger, exception, node.Name, reason, _settings.DeadServerRetryInterval);
        }

        return new MemcachedServerUnavailableException(node.Name, reason, exception);
    }
}
