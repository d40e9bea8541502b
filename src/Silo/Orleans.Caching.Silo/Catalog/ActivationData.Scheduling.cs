using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The per-activation scheduler. A turn is the whole asynchronous grain method: its slot is released only when the method's
/// task completes, so the grain's code after an <c>await</c> finishes before the next exclusive request starts. Read-only
/// requests share the activation with each other while no exclusive request runs or waits (FIFO: a waiting write blocks later
/// reads, so writers never starve). Read-only turns may run on different threads at once, so read-only methods must not
/// mutate the grain.
/// </summary>
internal sealed partial class ActivationData
{
    /// <summary>Turns longer than this are logged.</summary>
    private static readonly TimeSpan s_slowTurnThreshold = TimeSpan.FromSeconds(1);

    /// <summary>Runs a request on this activation now, or queues it.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="rerun">The request already ran and waited off-turn; it bypasses the queue limit.</param>
    /// <param name="cancellationToken">Cancels the request while it waits and is passed to the grain.</param>
    /// <returns>The result.</returns>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request, bool rerun, CancellationToken cancellationToken)
    {
        PendingRequest<TResult>? pending = null;
        bool gone = false;
        lock (this)
        {
            if (_state == ActivationState.Valid && _queue is not { Count: > 0 } && TryAdmitLocked(request.IsReadOnly))
            {
                // Admitted: runs inline below.
            }
            else if (_state == ActivationState.Invalid)
            {
                gone = true;
            }
            else
            {
                var queue = _queue ??= new Queue<PendingRequest>();
                if (!rerun && queue.Count >= _catalog.MaxQueuedRequests)
                {
                    return ValueTask.FromException<TResult>(new GrainOverloadedException(GrainId, _catalog.MaxQueuedRequests));
                }

                // A re-run keeps no deadline: it already ran once, and its waiting off-turn was not the caller's queueing.
                pending = new PendingRequest<TResult>(_catalog, GrainId, request, cancellationToken)
                {
                    Owner = this,
                    Deadline = rerun ? 0 : RequestTimeToLive.DeadlineFromNow(_catalog.TimeProvider),
                };
                queue.Enqueue(pending);
            }
        }

        if (gone)
        {
            // Removed from the catalog after the caller looked it up: go to the grain's next activation.
            return _catalog.InvokeOnceAsync(GrainId, request, rerun, cancellationToken);
        }

        if (pending is not null)
        {
            pending.RegisterCancellation();
            return new ValueTask<TResult>(pending.Task);
        }

        // The fast path: the turn starts on the caller's thread. The caller's synchronization context is hidden so the
        // grain's continuations run on the thread pool rather than on, say, a UI thread the caller may block.
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            return RunTurnAsync(request, cancellationToken);
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return RunTurnAsync(request, cancellationToken);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>Runs one admitted turn: the incoming filters (if any) around the grain method.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Passed to the grain.</param>
    /// <returns>The result.</returns>
    /// <remarks>A grain method that completes synchronously (a cache hit) ends its turn here without an async state machine
    /// or a slow-turn clock reading; only turns that await are timed.</remarks>
    public ValueTask<TResult> RunTurnAsync<TResult>(GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        if (_catalog.IncomingFilters.Length != 0)
        {
            return RunFilteredTurnAsync(request, cancellationToken);
        }

        ValueTask<TResult> call;
        try
        {
            call = request.InvokeAsync(_grain!, cancellationToken);
        }
        catch (Exception ex)
        {
            EndTurn(request, ex is InconsistentStateException, started: 0);
            return ValueTask.FromException<TResult>(ex);
        }

        if (call.IsCompletedSuccessfully)
        {
            TResult result = call.Result;
            EndTurn(request, inconsistent: false, started: 0);
            return new ValueTask<TResult>(result);
        }

        return AwaitTurnAsync(request, call, _catalog.TrackSlowTurns ? _catalog.TimeProvider.GetTimestamp() : 0);
    }

    private async ValueTask<TResult> AwaitTurnAsync<TResult>(GrainRequest<TResult> request, ValueTask<TResult> call, long started)
    {
        bool inconsistent = false;
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            inconsistent = true;
            throw;
        }
        finally
        {
            EndTurn(request, inconsistent, started);
        }
    }

    private async ValueTask<TResult> RunFilteredTurnAsync<TResult>(GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        long started = _catalog.TrackSlowTurns ? _catalog.TimeProvider.GetTimestamp() : 0;
        bool inconsistent = false;
        try
        {
            return await IncomingGrainCallContext<TResult>.InvokeAsync(_catalog.IncomingFilters, GrainId, _grain!, request, cancellationToken).ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            inconsistent = true;
            throw;
        }
        finally
        {
            EndTurn(request, inconsistent, started);
        }
    }

    /// <summary>Removes a request that is still queued (its caller cancelled).</summary>
    /// <param name="pending">The request.</param>
    /// <returns><see langword="true"/> if it was queued and is now removed.</returns>
    public bool TryRemoveQueued(PendingRequest pending)
    {
        lock (this)
        {
            if (pending.Dequeued || _queue is null)
            {
                return false;
            }

            // Cancellation is rare and the queue is bounded: rebuilding it keeps the common path a plain Queue<T>.
            var kept = new Queue<PendingRequest>(_queue.Count);
            foreach (var item in _queue)
            {
                if (!ReferenceEquals(item, pending))
                {
                    kept.Enqueue(item);
                }
            }

            _queue = kept;
            pending.Dequeued = true;

            // A cancelled write at the head may have been holding back reads.
            PumpLocked();
            return true;
        }
    }

    private void EndTurn(GrainRequest request, bool inconsistent, long started)
    {
        long size = ReadGrainSize(_grain);
        long now = _catalog.UtcNowTicks;
        long delta;
        bool startDeactivation;
        lock (this)
        {
            _running = _running > 0 ? _running - 1 : 0;
            _lastUseTicks = now;
            // A deactivating activation's memory is already released from the budget.
            delta = _state == ActivationState.Valid ? size - _estimatedSize : 0;
            _estimatedSize = size;
            if (inconsistent && _state == ActivationState.Valid)
            {
                _deactivationRequested = true;
                _reason = DeactivationReason.InconsistentState;
            }

            startDeactivation = AfterWorkLocked();
        }

        if (inconsistent)
        {
            Log.InconsistentStateDeactivation(_catalog.Logger, GrainId, request.MethodName);
        }

        if (started != 0)
        {
            var elapsed = _catalog.TimeProvider.GetElapsedTime(started);
            if (elapsed > s_slowTurnThreshold)
            {
                Log.SlowTurn(_catalog.Logger, request.MethodName, GrainId, elapsed.TotalMilliseconds);
            }
        }

        if (delta != 0)
        {
            _catalog.Collector.AddEstimatedBytes(delta);
        }

        if (startDeactivation)
        {
            StartDeactivation();
        }
    }

    /// <summary>After a turn or activation: starts a requested deactivation once nothing runs, admits queued requests, and
    /// claims the deactivation work when nothing runs any more.</summary>
    private bool AfterWorkLocked()
    {
        if (_state == ActivationState.Valid && _deactivationRequested && _running == 0)
        {
            return BeginDeactivationLocked(_reason);
        }

        PumpLocked();
        return TryClaimDeactivationLocked();
    }

    private bool TryAdmitLocked(bool readOnly)
    {
        if (_running == 0)
        {
            _running = readOnly ? 1 : -1;
            return true;
        }

        if (readOnly && _running > 0)
        {
            _running++;
            return true;
        }

        return false;
    }

    /// <summary>Starts every queued request the scheduler admits, in order, on the thread pool.</summary>
    private void PumpLocked()
    {
        // A graceful stop lets queued requests finish; other deactivations hand them to the next activation.
        bool draining = _state == ActivationState.Deactivating && _reason == DeactivationReason.ShuttingDown && !_deactivationStarted;
        if (_state != ActivationState.Valid && !draining)
        {
            return;
        }

        var queue = _queue;
        long now = 0;
        while (queue is { Count: > 0 })
        {
            var next = queue.Peek();
            if (next.Deadline != 0 && (now == 0 ? now = _catalog.TimeProvider.GetTimestamp() : now) >= next.Deadline)
            {
                // Its time-to-live ran out while it waited: the caller gave up, so it must never run (a write must not happen late).
                queue.Dequeue();
                next.Dequeued = true;
                _catalog.RejectExpired(GrainId, next, now);
                continue;
            }

            if (!TryAdmitLocked(next.IsReadOnly))
            {
                break;
            }

            queue.Dequeue();
            next.Dequeued = true;
            ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: false);
        }

        if (queue is { Count: 0 })
        {
            // Idle activations keep no queue.
            _queue = null;
        }
    }

    private static long ReadGrainSize(Grain? grain)
    {
        try
        {
            return grain?.EstimatedSize ?? 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return 0;
        }
    }
}
