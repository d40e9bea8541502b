using System.Net;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The membership table of a non-primary silo of a <c>Static</c> cluster: every method is one call to the primary's
/// <c>sys.membership-table</c> over one cluster connection (reconnected when it closes). <see cref="InitializeAsync"/> waits for the
/// primary (retrying with back-off until <see cref="ClusterMembershipOptions.JoinTimeout"/>); afterwards a failed call throws
/// <see cref="GrainCallRejectedException"/> (<see cref="RejectionReason.Unavailable"/>) naming the primary, and the membership agent
/// retries on its next timer. A write whose answer was lost is never resent blindly: the agent re-reads and decides again.
/// </summary>
internal sealed class RemoteMembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly string _seed;
    private readonly IReadOnlyList<IPEndPoint> _endpoints;
    private readonly IFrameConnector _connector;
    private readonly IFrameHandler _handler;
    private readonly TimeSpan _callTimeout;
    private readonly TimeSpan _joinTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly GrainId _target;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private FrameConnection? _connection;
    private volatile bool _disposed;

    public RemoteMembershipTable(string seed, IReadOnlyList<IPEndPoint> endpoints, IFrameConnector connector, IFrameHandler handler, TimeSpan callTimeout, TimeSpan joinTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _seed = seed;
        _endpoints = endpoints;
        _connector = connector;
        _handler = handler;
        _callTimeout = callTimeout;
        _joinTimeout = joinTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _target = new GrainId(MembershipTableCodecs.Type, seed);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = _timeProvider.GetUtcNow() + _joinTimeout;
        TimeSpan delay = TimeSpan.FromMilliseconds(100);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                MembershipTableSnapshot table = await CallAsync(MembershipReadAllRequest.Instance, cancellationToken).ConfigureAwait(false);
                Log.DevelopmentPrimaryReached(_logger, _seed, table.Version);
                return;
            }
            catch (GrainCallRejectedException exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (_timeProvider.GetUtcNow() >= deadline)
                {
                    throw new GrainCallRejectedException(RejectionReason.Unavailable,
                        $"The membership primary {ClusterMembershipOptions.SectionName}:Seeds:0 = '{_seed}' did not answer within JoinTimeout {_joinTimeout} ({attempt} attempts): {exception.Message} Start the primary silo, and make sure every silo lists it first.",
                        exception);
                }

                Log.DevelopmentPrimaryUnreachable(_logger, _seed, attempt, exception.Message);
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    /// <inheritdoc/>
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => CallAsync(MembershipReadAllRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return CallAsync(new MembershipTryWriteRequest(entry, expectedVersion), cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return CallAsync(new MembershipIAmAliveRequest(silo, time), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken) => CallAsync(new MembershipCleanupRequest(before), cancellationToken);

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken) => CallAsync(MembershipDeleteRequest.Instance, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        Volatile.Read(ref _connection)?.Abort(new ConnectionClosedException("The silo stopped."));
        return ValueTask.CompletedTask;
    }

    private async Task<TResult> CallAsync<TResult>(GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        FrameConnection connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var call = new RemoteCall<TResult>(MembershipTableCodecs.SiloCodec, request);
        uint ttl = (uint)Math.Clamp(_callTimeout.TotalMilliseconds, 1, uint.MaxValue);
        long correlationId = connection.SendCall(call, FrameKind.Request, 0, ttl, FrameFlags.None, (target: _target, request),
            static (output, s) => MembershipTableCodecs.SiloCodec.WriteRequest(output, s.target, s.request));
        GrainResponse<TResult> response;
        try
        {
            response = await call.Response.WaitAsync(_callTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            connection.TryCancelCall(correlationId);
            throw Unreachable($"{request.MethodName} got no answer within {_callTimeout}.", null);
        }
        catch (ConnectionClosedException exception)
        {
            throw Unreachable(exception.Message, exception);
        }
        catch (OperationCanceledException)
        {
            connection.TryCancelCall(correlationId);
            throw;
        }

        return response.GetResultOrThrow();
    }

    private async Task<FrameConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        FrameConnection? current = Volatile.Read(ref _connection);
        if (current is { IsOpen: true })
        {
            return current;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _connection;
            if (current is { IsOpen: true })
            {
                return current;
            }

            Exception? last = null;
            foreach (IPEndPoint endpoint in _endpoints)
            {
                try
                {
                    FrameConnection connection = await _connector.ConnectAsync(endpoint, _handler, cancellationToken).ConfigureAwait(false);

                    // Tagged so the silo's frame handler does not count it among the connections opened to this silo.
                    connection.Tag = this;
                    Volatile.Write(ref _connection, connection);
                    return connection;
                }
                catch (Exception exception) when (exception is ConnectionClosedException or HandshakeRefusedException)
                {
                    last = exception;
                }
            }

            throw Unreachable(last?.Message ?? "it resolved to no address.", last);
        }
        finally
        {
            _connecting.Release();
        }
    }

    private GrainCallRejectedException Unreachable(string reason, Exception? inner)
        => new(RejectionReason.Unavailable, $"The membership primary {ClusterMembershipOptions.SectionName}:Seeds:0 = '{_seed}' is unreachable: {reason}", inner);
}
