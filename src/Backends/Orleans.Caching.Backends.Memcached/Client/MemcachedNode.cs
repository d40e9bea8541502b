using System.Net.Sockets;

namespace Orleans.Caching.Memcached.Client;

/// <summary>One server of a client: its address, connection pool and health (down after a failure until a retry time).</summary>
internal sealed class MemcachedNode : IAsyncDisposable
{
    private readonly MemcachedClientSettings _settings;
    private long _retryAtTimestamp;
    private long _exchanges;
    private volatile string? _downReason;

    public MemcachedNode(MemcachedServerAddress address, MemcachedClientSettings settings)
    {
        Address = address;
        _settings = settings;
        Pool = new MemcachedConnectionPool(settings.MaxPoolSize, ConnectAsync);
    }

    public MemcachedServerAddress Address { get; }

    public string Name => Address.Name;

    public MemcachedConnectionPool Pool { get; }

    /// <summary>Gets the number of exchanges sent to the server (one request, or one pipelined batch, and its replies), for diagnostics.</summary>
    public long Exchanges => Interlocked.Read(ref _exchanges);

    /// <summary>Counts an exchange about to be sent.</summary>
    public void CountExchange() => Interlocked.Increment(ref _exchanges);

    /// <summary>Gets why the server was marked down, or <see langword="null"/> if it is up.</summary>
    public string? DownReason => _downReason;

    /// <summary>Tells whether operations may be sent now: the server is up, or its retry time has come.</summary>
    public bool IsAvailable(long nowTimestamp) => _downReason is null || nowTimestamp >= Interlocked.Read(ref _retryAtTimestamp);

    /// <summary>Marks the server down until <paramref name="retryAtTimestamp"/>; returns <see langword="true"/> if it was up.</summary>
    public bool MarkDown(string reason, long retryAtTimestamp)
    {
        Interlocked.Exchange(ref _retryAtTimestamp, retryAtTimestamp);
        bool wasUp = _downReason is null;
        _downReason = reason;
        Pool.Clear();
        return wasUp;
    }

    /// <summary>Marks the server up; returns <see langword="true"/> if it was down.</summary>
    public bool MarkUp()
    {
        if (_downReason is null)
        {
            return false;
        }

        _downReason = null;
        return true;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Pool.DisposeAsync();

    private async ValueTask<MemcachedConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket = Address.IsUnixSocket
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        MemcachedConnection? connection = null;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(_settings.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(Address.EndPoint, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Connecting to memcached server {Name} took longer than {_settings.ConnectTimeout}.");
            }

            var stream = new NetworkStream(socket, ownsSocket: true);
            if (!_settings.UseBinaryProtocol)
            {
                return connection = new MetaConnection(stream, Name);
            }

            var binary = new BinaryConnection(stream, Name);
            connection = binary;
            if (_settings.Username is { } username)
            {
                await binary.AuthenticateAsync(username, _settings.Password!, connectTimeout.Token).ConfigureAwait(false);
            }

            return binary;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }
}
