using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The grain-call invoker of a cluster silo's own code (system targets, the dashboard): a grain this silo owns runs on its catalog;
/// another silo's grain is called over the peer connection, retried after a refresh while the owner changes (<see cref="RejectionReason.NotOwner"/>,
/// <see cref="RejectionReason.Unavailable"/>) until the response timeout.
/// </summary>
internal sealed class SiloRoutingInvoker : IGrainCallInvoker
{
    private const int MaxAttempts = 5;
    private readonly LocalGrainCallInvoker _local;
    private readonly GrainMessageCodec _codec;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _responseTimeout;
    private ClusterSiloState? _state;

    public SiloRoutingInvoker(LocalGrainCallInvoker local, GrainMessageCodec codec, TimeProvider timeProvider, TimeSpan responseTimeout)
    {
        _local = local;
        _codec = codec;
        _timeProvider = timeProvider;
        _responseTimeout = responseTimeout;
    }

    /// <summary>Starts routing by the started silo's membership; until then every call runs locally.</summary>
    /// <param name="state">The started silo.</param>
    public void Start(ClusterSiloState state) => Volatile.Write(ref _state, state);

    /// <inheritdoc/>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        ClusterSiloState? state = Volatile.Read(ref _state);
        if (state is null)
        {
            return _local.InvokeAsync(target, request, cancellationToken);
        }

        SiloAddress? owner = state.Membership.CurrentView.SelectOwner(target);
        return owner is not null && owner.Equals(state.Self)
            ? _local.InvokeAsync(target, request, cancellationToken)
            : InvokeRemoteAsync(state, target, request, cancellationToken);
    }

    private async ValueTask<TResult> InvokeRemoteAsync<TResult>(ClusterSiloState state, GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        GrainCallRejectedException? last = null;
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            MembershipView view = attempt == 0 ? state.Membership.CurrentView : await state.Membership.RefreshAsync(cancellationToken).ConfigureAwait(false);
            SiloAddress? owner = view.SelectOwner(target);
            if (owner is null)
            {
                throw new GrainCallRejectedException(RejectionReason.Unavailable, $"No silo is active in the cluster to run {request.MethodName} on grain {target}.");
            }

            if (owner.Equals(state.Self))
            {
                return await _local.InvokeAsync(target, request, cancellationToken).ConfigureAwait(false);
            }

            GrainResponse<TResult> response;
            try
            {
                response = await SendAsync(state, owner, view.Version, target, request, cancellationToken).ConfigureAwait(false);
            }
            catch (GrainCallRejectedException exception) when (exception is not GrainCallTimeoutException && (exception is not ConnectionClosedException || request.IsIdempotent))
            {
                last = exception;
                continue;
            }

            if (response.Status == GrainResponseStatus.Rejected && response.RejectionReason is RejectionReason.NotOwner or RejectionReason.Unavailable)
            {
                last = new GrainCallRejectedException(response.RejectionReason, response.Message ?? string.Empty);
                continue;
            }

            return response.GetResultOrThrow();
        }

        throw last ?? new GrainCallRejectedException(RejectionReason.Unavailable, $"The call {request.MethodName} to grain {target} could not be delivered.");
    }

    private async Task<GrainResponse<TResult>> SendAsync<TResult>(ClusterSiloState state, SiloAddress owner, long version, GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        FrameConnection connection = await state.Connections.GetAsync(owner).ConfigureAwait(false);
        var call = new RemoteCall<TResult>(_codec, request);
        uint ttl = _responseTimeout == Timeout.InfiniteTimeSpan ? 0 : (uint)Math.Min(uint.MaxValue, _responseTimeout.TotalMilliseconds);
        long correlationId = connection.SendCall(call, FrameKind.Request, version, ttl, FrameFlags.None, (codec: _codec, target, request), static (output, s) => s.codec.WriteRequest(output, s.target, s.request));
        try
        {
            return _responseTimeout == Timeout.InfiniteTimeSpan
                ? await call.Response.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await call.Response.WaitAsync(_responseTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            connection.TryCancelCall(correlationId);
            throw new GrainCallTimeoutException(target, request.MethodName, _responseTimeout);
        }
        catch (OperationCanceledException)
        {
            connection.TryCancelCall(correlationId);
            throw;
        }
    }
}
