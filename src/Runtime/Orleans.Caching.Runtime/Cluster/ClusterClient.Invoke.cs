using System.Buffers;

namespace Orleans.Caching.Runtime;

public sealed partial class ClusterClient
{
    private static readonly Action<IBufferWriter<byte>, RequestBody> s_writeRequest = static (output, body) => body.Codec.WriteRequest(output, body.Target, body.Request);
    private static readonly Action<object?> s_cancel = static call => ((ClusterCallBase)call!).Cancel();
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Sends a request to the silo that owns <paramref name="target"/> under the current view (a system target: to the silo its
    /// key names) and returns its result, retrying undelivered calls as described on <see cref="ClusterClient"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="target">The grain.</param>
    /// <param name="request">The call; its class needs a codec in the client's <see cref="GrainMessageCodec"/>.</param>
    /// <param name="cancellationToken">Cancels waiting (the silo may still run the call).</param>
    /// <returns>The result.</returns>
    /// <exception cref="GrainCallTimeoutException">No response within <see cref="ClusterOptions.ResponseTimeout"/>.</exception>
    /// <exception cref="GrainOverloadedException">The grain's queue on its silo is full.</exception>
    /// <exception cref="GrainCallRejectedException">The call could not be delivered before <see cref="ClusterOptions.RetryDeadline"/>
    /// (the last error: <see cref="ConnectionClosedException"/>, a <see cref="RejectionReason.NotOwner"/> or <see cref="RejectionReason.Unavailable"/>
    /// rejection), or a silo rejected it for another reason.</exception>
    /// <exception cref="InvalidOperationException">The client has not been started.</exception>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (Volatile.Read(ref _started) == 0)
        {
            throw new InvalidOperationException("The cluster client has not been started (ClusterClient.StartAsync).");
        }

        _codec.GetMethod(request);
        return InvokeCoreAsync(target, request, cancellationToken);
    }

    private static TimeSpan Backoff(int attempt)
        => attempt <= 1 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerMillisecond * 10L << Math.Min(attempt - 2, 10), s_maxBackoff.Ticks));

    private static Exception Rejection<TResult>(GrainId target, GrainRequest<TResult> request, in GrainResponse<TResult> response, TimeSpan timeout)
        => response.RejectionReason switch
        {
            RejectionReason.Overloaded => new GrainOverloadedException(target, response.Message ?? string.Empty),
            RejectionReason.Timeout => new GrainCallTimeoutException(target, request.MethodName, timeout),
            _ => new GrainCallRejectedException(response.RejectionReason, response.Message ?? string.Empty),
        };

    private async ValueTask<TResult> InvokeCoreAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        SiloAddress? fixedSilo = SystemTargets.IsSystemTarget(target.Type) && SystemTargets.TryGetSilo(target, out SiloAddress? addressed) ? addressed : null;
        Exception? last = null;
        for (int attempt = 0; ; attempt++)
        {
            TimeSpan elapsed = _time.GetElapsedTime(start);
            if (attempt > 0)
            {
                TimeSpan delay = Backoff(attempt);
                if (elapsed + delay >= _options.RetryDeadline || elapsed + delay >= _options.ResponseTimeout)
                {
                    Log.RetriesExhausted(_logger, last, target, request.MethodName, attempt);
                    throw last!;
                }

                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    elapsed = _time.GetElapsedTime(start);
                }
            }

            MembershipView view = CurrentView;
            SiloAddress? silo = fixedSilo ?? view.SelectOwner(target);
            if (silo is null)
            {
                last = new GrainCallRejectedException(RejectionReason.Unavailable, $"No silo is Active in membership version {view.Version}; the call {request.MethodName} to {target} has no owner.");
                await RefreshViewAsync(null).WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            FrameConnection connection;
            try
            {
                connection = await GetConnectionAsync(silo, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionClosedException ex)
            {
                MarkSuspect(silo, ex);
                last = ex;
                if (fixedSilo is not null)
                {
                    throw;
                }

                await RefreshViewAsync(null).WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            TimeSpan remaining = _options.ResponseTimeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new GrainCallTimeoutException(target, request.MethodName, _options.ResponseTimeout);
            }

            var call = new ClusterCall<TResult>(_codec, request)
            {
                Connection = connection,
                DeadlineTimestamp = _time.GetTimestamp() + (long)(remaining.TotalSeconds * _time.TimestampFrequency),
            };
            uint timeToLive = (uint)Math.Clamp(Math.Ceiling(remaining.TotalMilliseconds), 1, _responseTimeoutMilliseconds);
            call.CorrelationId = connection.SendCall(call, FrameKind.Request, view.Version, timeToLive, FrameFlags.None, new RequestBody(_codec, target, request), s_writeRequest);
            _timeouts.Add(call);
            CancellationTokenRegistration registration = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(s_cancel, call) : default;
            try
            {
                await call.WaitAsync().ConfigureAwait(false);
            }
            finally
            {
                _timeouts.Remove(call);
                if (cancellationToken.CanBeCanceled)
                {
                    await registration.DisposeAsync().ConfigureAwait(false);
                }
            }

            switch (call.Outcome)
            {
                case ClusterCallOutcome.Responded:
                    Task? refresh = call.PeerVersion > CurrentView.Version ? RefreshViewAsync(silo) : null;
                    GrainResponse<TResult> response = call.Response;
                    switch (response.Status)
                    {
                        case GrainResponseStatus.Success:
                            return response.Result;
                        case GrainResponseStatus.Rejected when response.RejectionReason is RejectionReason.NotOwner or RejectionReason.Unavailable:
                            last = new GrainCallRejectedException(response.RejectionReason, response.Message ?? string.Empty);
                            Log.CallRedirected(_logger, target, request.MethodName, silo, response.RejectionReason, call.PeerVersion);
                            if (fixedSilo is not null)
                            {
                                _ = refresh ?? RefreshViewAsync(null);
                                throw last;
                            }

                            await (refresh ?? RefreshViewAsync(null)).WaitAsync(cancellationToken).ConfigureAwait(false);
                            continue;
                        case GrainResponseStatus.Rejected:
                            throw Rejection(target, request, response, _options.ResponseTimeout);
                        default:
                            throw RemoteExceptions.Recreate(response.ExceptionType ?? "Exception", response.Message ?? string.Empty);
                    }

                case ClusterCallOutcome.Failed when call.Failure is ConnectionClosedException closed:
                    last = closed;
                    if (!request.IsIdempotent)
                    {
                        throw closed;
                    }

                    continue;
                case ClusterCallOutcome.Failed:
                    throw call.Failure!;
                case ClusterCallOutcome.TimedOut:
                    throw new GrainCallTimeoutException(target, request.MethodName, _options.ResponseTimeout);
                default:
                    throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>The state of the request body writer: no closure, no boxing.</summary>
    private readonly record struct RequestBody(GrainMessageCodec Codec, GrainId Target, GrainRequest Request);
}
