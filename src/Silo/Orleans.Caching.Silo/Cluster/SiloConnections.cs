using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// A silo's outbound connections to its peers, one per silo (connected on first use, shared by concurrent callers, replaced when it
/// closes), and the <see cref="ISiloMessenger"/> of the membership agent over them: probes are pings, gossip is a one-way
/// <see cref="FrameKind.MembershipUpdate"/>.
/// </summary>
internal sealed class SiloConnections : ISiloMessenger, IAsyncDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, Task<FrameConnection>> _connections = new();
    private readonly IFrameConnector _connector;
    private readonly IFrameHandler _handler;
    private readonly Func<long> _membershipVersion;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    public SiloConnections(IFrameConnector connector, IFrameHandler handler, Func<long> membershipVersion, TimeProvider timeProvider, ILogger logger)
    {
        _connector = connector;
        _handler = handler;
        _membershipVersion = membershipVersion;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Gets the open connection to a silo, connecting if there is none.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ConnectionClosedException">The silo cannot be reached.</exception>
    /// <exception cref="HandshakeRefusedException">The silo refused the handshake.</exception>
    public Task<FrameConnection> GetAsync(SiloAddress silo)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (_connections.TryGetValue(silo, out Task<FrameConnection>? existing))
            {
                if (!existing.IsCompleted || (existing.IsCompletedSuccessfully && existing.Result.IsOpen))
                {
                    return existing;
                }

                _connections.TryRemove(new KeyValuePair<SiloAddress, Task<FrameConnection>>(silo, existing));
                continue;
            }

            var connecting = new TaskCompletionSource<FrameConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_connections.TryAdd(silo, connecting.Task))
            {
                _ = ConnectAsync(silo, connecting);
                return connecting.Task;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> ProbeAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return false;
        }

        var ping = new PingCall();
        FrameConnection? connection = null;
        long correlationId = 0;
        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            connection = await GetAsync(silo).WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            correlationId = connection.SendCall<object?>(ping, FrameKind.Ping, _membershipVersion(), 0, FrameFlags.None, null, null);
            await ping.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is OperationCanceledException or GrainCallRejectedException or HandshakeRefusedException or ObjectDisposedException)
        {
            if (connection is not null && correlationId != 0)
            {
                connection.TryCancelCall(correlationId);
            }

            Log.ProbeFailed(_logger, silo, exception.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    public void Gossip(SiloAddress silo, MembershipTableSnapshot snapshot)
    {
        if (_disposed)
        {
            return;
        }

        _ = GossipAsync(silo, snapshot);
    }

    /// <summary>Closes the connection to a silo (it left or was declared dead).</summary>
    /// <param name="silo">The silo.</param>
    public void Drop(SiloAddress silo)
    {
        if (_connections.TryRemove(silo, out Task<FrameConnection>? connection) && connection.IsCompletedSuccessfully)
        {
            connection.Result.Abort(new ConnectionClosedException($"Silo {silo} left the cluster."));
        }
    }

    /// <summary>Aborts every connection at once (a killed silo says no goodbye).</summary>
    public void AbortAll()
    {
        _disposed = true;
        foreach (KeyValuePair<SiloAddress, Task<FrameConnection>> entry in _connections)
        {
            if (entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Abort(new ConnectionClosedException("The silo was killed."));
            }
        }

        _connections.Clear();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (KeyValuePair<SiloAddress, Task<FrameConnection>> entry in _connections)
        {
            if (entry.Value.IsCompletedSuccessfully)
            {
                await entry.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }

        _connections.Clear();
    }

    private async Task GossipAsync(SiloAddress silo, MembershipTableSnapshot snapshot)
    {
        try
        {
            FrameConnection connection = await GetAsync(silo).ConfigureAwait(false);
            connection.SendFrame(new FrameHeader(FrameKind.MembershipUpdate, 0, snapshot.Version, 0), snapshot, static (output, table) => MembershipSnapshotCodec.Write(output, table));
        }
        catch (Exception exception) when (exception is GrainCallRejectedException or HandshakeRefusedException or ObjectDisposedException)
        {
            Log.GossipSendFailed(_logger, silo, exception.Message);
        }
    }

    private async Task ConnectAsync(SiloAddress silo, TaskCompletionSource<FrameConnection> connecting)
    {
        try
        {
            FrameConnection connection = await _connector.ConnectAsync(silo.Endpoint, _handler, CancellationToken.None).ConfigureAwait(false);
            connection.Tag = silo;
            if (!string.Equals(connection.PeerIdentity, silo.ToString(), StringComparison.Ordinal))
            {
                // Another silo (a restarted process, a new generation) now listens on that endpoint: it is not the silo we wanted.
                connection.Abort(new ConnectionClosedException($"Expected silo {silo} but {connection.PeerIdentity} answered."));
                throw new ConnectionClosedException($"Silo {silo} is gone: {connection.PeerIdentity} now listens on {silo.Endpoint}.");
            }

            connecting.TrySetResult(connection);
        }
        catch (Exception exception)
        {
            _connections.TryRemove(new KeyValuePair<SiloAddress, Task<FrameConnection>>(silo, connecting.Task));
            connecting.TrySetException(exception is GrainCallRejectedException or HandshakeRefusedException
                ? exception
                : new ConnectionClosedException($"Could not connect to silo {silo}: {exception.Message}", exception));
        }
    }
}
