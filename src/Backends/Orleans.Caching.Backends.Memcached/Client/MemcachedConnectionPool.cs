using System.Collections.Concurrent;

namespace Orleans.Caching.Memcached.Client;

/// <summary>A bounded pool of connections to one server: at most <c>maxSize</c> open or in use; idle ones are reused, broken ones closed.</summary>
internal sealed class MemcachedConnectionPool : IAsyncDisposable
{
    private readonly Func<CancellationToken, ValueTask<MemcachedConnection>> _connect;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<MemcachedConnection> _idle = new();
    private volatile bool _disposed;

    public MemcachedConnectionPool(int maxSize, Func<CancellationToken, ValueTask<MemcachedConnection>> connect)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        _connect = connect;
        _slots = new SemaphoreSlim(maxSize, maxSize);
    }

    /// <summary>Gets the number of idle connections.</summary>
    public int IdleCount => _idle.Count;

    /// <summary>Takes a connection (waiting for a free slot); the flag tells whether it was opened before.</summary>
    public async ValueTask<(MemcachedConnection Connection, bool Reused)> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (_idle.TryPop(out MemcachedConnection? idle))
            {
                if (!idle.IsBroken)
                {
                    return (idle, true);
                }

                await idle.DisposeAsync().ConfigureAwait(false);
            }

            return (await _connect(cancellationToken).ConfigureAwait(false), false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a connection back: kept if healthy, closed if broken (never reused in the middle of a reply).</summary>
    public void Return(MemcachedConnection connection)
    {
        if (connection.IsBroken || _disposed)
        {
            _ = connection.DisposeAsync().AsTask();
        }
        else
        {
            _idle.Push(connection);
        }

        _slots.Release();
    }

    /// <summary>Closes every idle connection (after a failure of the server).</summary>
    public void Clear()
    {
        while (_idle.TryPop(out MemcachedConnection? idle))
        {
            _ = idle.DisposeAsync().AsTask();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out MemcachedConnection? idle))
        {
            await idle.DisposeAsync().ConfigureAwait(false);
        }
    }
}
