namespace Orleans.Caching.Runtime;

/// <summary>The cluster client's connection to one silo: opened lazily, shared by every call, reopened after it closed; concurrent
/// first calls share one connect.</summary>
internal sealed class SiloConnectionSlot
{
    private FrameConnection? _connection;
    private Task<FrameConnection>? _connecting;

    public SiloConnectionSlot(SiloAddress silo) => Silo = silo;

    /// <summary>Gets the silo.</summary>
    public SiloAddress Silo { get; }

    /// <summary>Gets the open connection, if any.</summary>
    public FrameConnection? OpenConnection => Volatile.Read(ref _connection) is { IsOpen: true } connection ? connection : null;

    /// <summary>Returns the connect in progress, or starts one with <paramref name="connect"/>.</summary>
    /// <param name="connect">Opens a connection.</param>
    /// <returns>The connection.</returns>
    public Task<FrameConnection> GetOrConnectAsync(Func<SiloConnectionSlot, Task<FrameConnection>> connect)
    {
        while (true)
        {
            if (OpenConnection is { } open)
            {
                return Task.FromResult(open);
            }

            Task<FrameConnection>? pending = Volatile.Read(ref _connecting);
            if (pending is not null && !pending.IsCompleted)
            {
                return pending;
            }

            var started = new TaskCompletionSource<FrameConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _connecting, started.Task, pending) != pending)
            {
                continue;
            }

            _ = CompleteAsync(started, connect);
            return started.Task;
        }
    }

    /// <summary>Installs a connection opened elsewhere (the gateway connection of the silo), unless one is already open.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns><see langword="true"/> if installed.</returns>
    public bool TryAdopt(FrameConnection connection)
    {
        FrameConnection? current = Volatile.Read(ref _connection);
        return (current is null || !current.IsOpen) && Interlocked.CompareExchange(ref _connection, connection, current) == current;
    }

    /// <summary>Forgets a connection that closed.</summary>
    /// <param name="connection">The connection.</param>
    public void OnClosed(FrameConnection connection) => Interlocked.CompareExchange(ref _connection, null, connection);

    /// <summary>Closes the connection, if any.</summary>
    /// <returns>A task that completes when it is closed.</returns>
    public ValueTask CloseAsync() => Interlocked.Exchange(ref _connection, null) is { } connection ? connection.DisposeAsync() : ValueTask.CompletedTask;

    private async Task CompleteAsync(TaskCompletionSource<FrameConnection> started, Func<SiloConnectionSlot, Task<FrameConnection>> connect)
    {
        try
        {
            FrameConnection connection = await connect(this).ConfigureAwait(false);
            Volatile.Write(ref _connection, connection);
            started.TrySetResult(connection);
        }
        catch (Exception ex)
        {
            started.TrySetException(ex);
        }
    }
}
