using System.Collections.Concurrent;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Tracks the connections the silo's listener accepted and can close the listener to the protocol at once: every open connection is
/// aborted and new ones are dropped before their handshake (a killed silo must stop answering even the pings that connections answer
/// on their own).
/// </summary>
internal sealed class SiloListenerGate
{
    private readonly ConcurrentDictionary<FrameConnection, byte> _open = new();
    private volatile bool _closed;

    /// <summary>Gets a value indicating whether the listener refuses connections.</summary>
    public bool IsClosed => _closed;

    /// <summary>Tracks an accepted connection until it closes; aborts it at once if the gate is closed.</summary>
    /// <param name="connection">The connection.</param>
    public void Track(FrameConnection connection)
    {
        _open.TryAdd(connection, 0);
        _ = connection.Closed.ContinueWith(static (_, state) => ((SiloListenerGate.Entry)state!).Remove(), new Entry(this, connection), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (_closed)
        {
            connection.Abort(new ConnectionClosedException("The silo no longer accepts connections."));
        }
    }

    /// <summary>Refuses new connections and aborts the open ones.</summary>
    public void Close()
    {
        _closed = true;
        foreach (FrameConnection connection in _open.Keys)
        {
            connection.Abort(new ConnectionClosedException("The silo was killed."));
        }
    }

    private sealed record Entry(SiloListenerGate Gate, FrameConnection Connection)
    {
        public void Remove() => Gate._open.TryRemove(Connection, out _);
    }
}
