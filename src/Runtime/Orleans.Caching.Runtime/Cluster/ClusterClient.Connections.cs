using System.Net;

namespace Orleans.Caching.Runtime;

public sealed partial class ClusterClient
{
    private static readonly Func<SiloAddress, SiloConnectionSlot> s_createSlot = static silo => new SiloConnectionSlot(silo);

    /// <summary>Returns the open connection to a silo (synchronously when there is one), or connects.</summary>
    private ValueTask<FrameConnection> GetConnectionAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        SiloConnectionSlot slot = _slots.GetOrAdd(silo, s_createSlot);
        return slot.OpenConnection is { } open
            ? new ValueTask<FrameConnection>(open)
            : new ValueTask<FrameConnection>(slot.GetOrConnectAsync(ConnectSlotAsync).WaitAsync(cancellationToken));
    }

    private async Task<FrameConnection> ConnectSlotAsync(SiloConnectionSlot slot)
    {
        FrameConnection connection = await ConnectAsync(slot.Silo.Endpoint, _disposed.Token).ConfigureAwait(false);
        connection.Tag = slot.Silo;
        _suspects.TryRemove(slot.Silo, out _);
        Log.Connected(_logger, slot.Silo);
        return connection;
    }

    /// <summary>Connects within <see cref="ClusterOptions.ConnectTimeout"/>; failures other than a refused handshake become
    /// <see cref="ConnectionClosedException"/>.</summary>
    private async Task<FrameConnection> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await _connector.ConnectAsync(endpoint, _handler, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectionClosedException(
                $"Connecting to {endpoint} did not complete within {_options.ConnectTimeout.TotalSeconds:0.###} s (Caching:Cluster:ConnectTimeout).", ex);
        }
        catch (Exception ex) when (ex is not (ConnectionClosedException or HandshakeRefusedException or OperationCanceledException))
        {
            throw new ConnectionClosedException($"Could not connect to {endpoint}: {ex.Message}", ex);
        }
    }

    private void OnConnectionClosed(FrameConnection connection, Exception? reason)
    {
        if (connection.Tag is SiloAddress silo && _slots.TryGetValue(silo, out SiloConnectionSlot? slot))
        {
            slot.OnClosed(connection);
            Log.Disconnected(_logger, reason, silo);
        }
    }

    /// <summary>Closes the connections of silos the view no longer lists or lists as Dead.</summary>
    private void DropDeadSilos(MembershipView view)
    {
        foreach (KeyValuePair<SiloAddress, SiloConnectionSlot> pair in _slots)
        {
            if (view.GetStatus(pair.Key) is SiloStatus.Dead or SiloStatus.None && _slots.TryRemove(pair))
            {
                _ = pair.Value.CloseAsync().AsTask();
            }
        }
    }

    /// <summary>The client's frame handler: adopts gossiped snapshots; clients serve no requests.</summary>
    private sealed class ClientFrameHandler(ClusterClient client) : IFrameHandler
    {
        public void OnFrame(FrameConnection connection, in Frame frame)
        {
            switch (frame.Header.Kind)
            {
                case FrameKind.MembershipUpdate when !frame.Body.IsEmpty:
                    client.Adopt(MembershipSnapshotCodec.Read(frame.Body), connection.Tag as SiloAddress);
                    break;
                case FrameKind.Request:
                    throw new WireProtocolException("A cluster client serves no requests.");
                default:
                    break;
            }
        }

        public void OnClosed(FrameConnection connection, Exception? reason) => client.OnConnectionClosed(connection, reason);
    }
}
