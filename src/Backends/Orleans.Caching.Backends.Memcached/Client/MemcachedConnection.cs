using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching.Memcached.Client;

/// <summary>
/// One connection to one memcached server, used by one operation at a time (no pipelining across operations). Any exception
/// thrown by an operation — a network error, a timeout or cancellation mid-reply, a malformed or error reply — marks the connection
/// broken, so the pool closes it instead of reusing a connection left in the middle of a reply.
/// </summary>
internal abstract class MemcachedConnection : IAsyncDisposable
{
    private const int CoalesceLimit = 32 * 1024;
    private byte[] _writeBuffer = new byte[1024];
    private int _written;

    protected MemcachedConnection(Stream stream, string server)
    {
        Stream = stream;
        Server = server;
        Reader = new ResponseReader(stream, server);
    }

    /// <summary>Gets the server, as configured.</summary>
    public string Server { get; }

    /// <summary>Gets a value indicating whether the connection must not be reused.</summary>
    public bool IsBroken { get; private set; }

    protected Stream Stream { get; }

    protected ResponseReader Reader { get; }

    /// <summary>Reads an item; <paramref name="withValue"/> false asks only whether it exists (the value is <see langword="null"/>).</summary>
    public ValueTask<MemcachedItem?> GetAsync(byte[] key, bool withValue, CancellationToken cancellationToken)
        => GuardAsync(GetCoreAsync(key, withValue, cancellationToken));

    /// <summary>Reads several items with their values in one round trip: every request is sent, then an end marker, and the replies are
    /// read while the requests are still being written (so a large batch cannot deadlock on full socket buffers).</summary>
    /// <returns>The items in key order; <see langword="null"/> for a miss.</returns>
    public ValueTask<MemcachedItem?[]> GetManyAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
        => GuardAsync(GetManyCoreAsync(keys, cancellationToken));

    /// <summary>Stores an item; a non-zero <paramref name="cas"/> stores only if the item is unchanged.</summary>
    public ValueTask<StoreResult> StoreAsync(StoreMode mode, byte[] key, ReadOnlyMemory<byte> value, uint flags, uint expiry, ulong cas, CancellationToken cancellationToken)
        => GuardAsync(StoreCoreAsync(mode, key, value, flags, expiry, cas, cancellationToken));

    /// <summary>Deletes an item; <see langword="true"/> if it existed.</summary>
    public ValueTask<bool> DeleteAsync(byte[] key, CancellationToken cancellationToken)
        => GuardAsync(DeleteCoreAsync(key, cancellationToken));

    /// <summary>Deletes several items in one round trip, without per-key answers.</summary>
    public async ValueTask DeleteQuietAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
        => await GuardAsync(DeleteQuietCoreAsync(keys, cancellationToken)).ConfigureAwait(false);

    /// <summary>Adds <paramref name="delta"/> to an unsigned decimal counter; never creates it.</summary>
    public ValueTask<IncrementResult> IncrementAsync(byte[] key, ulong delta, CancellationToken cancellationToken)
        => GuardAsync(IncrementCoreAsync(key, delta, cancellationToken));

    /// <summary>Sets an item's expiry; <see langword="true"/> if it existed.</summary>
    public ValueTask<bool> TouchAsync(byte[] key, uint expiry, CancellationToken cancellationToken)
        => GuardAsync(TouchCoreAsync(key, expiry, cancellationToken));

    /// <summary>Invalidates every item on the server.</summary>
    public async ValueTask FlushAllAsync(CancellationToken cancellationToken)
        => await GuardAsync(FlushAllCoreAsync(cancellationToken)).ConfigureAwait(false);

    // One exchange per protocol; the public methods above apply the broken-connection guard around each.
    protected abstract ValueTask<MemcachedItem?> GetCoreAsync(byte[] key, bool withValue, CancellationToken cancellationToken);

    protected abstract ValueTask<MemcachedItem?[]> GetManyCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken);

    protected abstract ValueTask<StoreResult> StoreCoreAsync(StoreMode mode, byte[] key, ReadOnlyMemory<byte> value, uint flags, uint expiry, ulong cas, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> DeleteCoreAsync(byte[] key, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> DeleteQuietCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken);

    protected abstract ValueTask<IncrementResult> IncrementCoreAsync(byte[] key, ulong delta, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> TouchCoreAsync(byte[] key, uint expiry, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> FlushAllCoreAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        IsBroken = true;
        return Stream.DisposeAsync();
    }

    /// <summary>Marks the connection unusable.</summary>
    protected void MarkBroken() => IsBroken = true;

    /// <summary>Awaits one request/reply exchange; any failure marks the connection broken.</summary>
    protected async ValueTask<T> GuardAsync<T>(ValueTask<T> exchange)
    {
        try
        {
            return await exchange.ConfigureAwait(false);
        }
        catch
        {
            MarkBroken();
            throw;
        }
    }

    /// <summary>Appends request bytes to the write buffer.</summary>
    protected void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_writeBuffer.AsSpan(_written));
        _written += bytes.Length;
    }

    /// <summary>Reserves room for <paramref name="count"/> bytes and returns it; call <see cref="Advance"/> with what was written.</summary>
    protected Span<byte> GetSpan(int count)
    {
        Reserve(count);
        return _writeBuffer.AsSpan(_written);
    }

    /// <summary>Commits bytes written through <see cref="GetSpan"/>.</summary>
    protected void Advance(int count) => _written += count;

    /// <summary>Appends a value: copied into the buffer when small, else written straight from the caller's memory.</summary>
    protected async ValueTask AppendValueAsync(ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        if (value.Length <= CoalesceLimit)
        {
            Append(value.Span);
            return;
        }

        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        await Stream.WriteAsync(value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the buffered request bytes.</summary>
    protected async ValueTask FlushWritesAsync(CancellationToken cancellationToken)
    {
        if (_written > 0)
        {
            int count = _written;
            _written = 0;
            await Stream.WriteAsync(_writeBuffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the buffered request bytes while <paramref name="readReplies"/> reads the replies, and waits for both.</summary>
    protected async ValueTask<T> ExchangeBatchAsync<T>(Func<CancellationToken, ValueTask<T>> readReplies, CancellationToken cancellationToken)
    {
        Task sending = FlushWritesAsync(cancellationToken).AsTask();
        try
        {
            return await readReplies(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await sending.ConfigureAwait(false);
        }
    }

    private void Reserve(int count)
    {
        if (_written + count > _writeBuffer.Length)
        {
            Array.Resize(ref _writeBuffer, Math.Max(_writeBuffer.Length * 2, _written + count));
        }
    }
}
