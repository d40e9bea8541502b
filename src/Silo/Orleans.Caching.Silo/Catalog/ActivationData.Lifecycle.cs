using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Activation and deactivation: Creating → Activating → Valid → Deactivating → Invalid.</summary>
internal sealed partial class ActivationData
{
    /// <summary>Starts activation; the catalog calls it once, on the instance that won the race to register.</summary>
    public void Activate()
    {
        lock (this)
        {
            _state = ActivationState.Activating;
        }

        // The grain's OnActivateAsync starts on the caller's thread without the caller's synchronization context.
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            _ = ActivateAsync();
        }
        finally
        {
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }

    /// <summary>Deactivates the activation after its running requests (and, when the silo stops, its queued ones) complete.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>A task that completes when the activation is gone.</returns>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        bool start;
        Task completion;
        lock (this)
        {
            if (_state == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            completion = _deactivated.Task;
            if (_state == ActivationState.Deactivating)
            {
                return completion;
            }

            _deactivationRequested = true;
            _reason = reason;
            if (_state != ActivationState.Valid)
            {
                // Still activating: deactivation starts when activation completes.
                return completion;
            }

            start = BeginDeactivationLocked(reason);
        }

        if (start)
        {
            StartDeactivation();
        }

        return completion;
    }

    /// <summary>Deactivates the activation if it is idle and was last used no later than <paramref name="lastUsedAtMost"/>.</summary>
    /// <param name="reason">Why (idle collection or memory pressure).</param>
    /// <param name="lastUsedAtMost">The latest last use (UTC ticks) that still counts as stale.</param>
    /// <returns><see langword="true"/> if deactivation began.</returns>
    public bool TryDeactivateIfIdle(DeactivationReason reason, long lastUsedAtMost)
    {
        bool start;
        lock (this)
        {
            if (_state != ActivationState.Valid || _running != 0 || _queue is { Count: > 0 } || _lastUseTicks > lastUsedAtMost)
            {
                return false;
            }

            start = BeginDeactivationLocked(reason);
        }

        if (start)
        {
            StartDeactivation();
        }

        return true;
    }

    private async Task ActivateAsync()
    {
        Grain grain;
        try
        {
            grain = _catalog.CreateGrain(GrainId);
            grain.Attach(this);
            Volatile.Write(ref _grain, grain);
            await grain.OnActivateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            FailActivation(ex);
            return;
        }

        long size = ReadGrainSize(grain);
        long now = _catalog.UtcNowTicks;
        _catalog.Collector.OnActivated(this, now, size);
        bool startDeactivation;
        lock (this)
        {
            _lastUseTicks = now;
            _estimatedSize = size;
            _state = ActivationState.Valid;
            startDeactivation = AfterWorkLocked();
        }

        if (startDeactivation)
        {
            StartDeactivation();
        }
    }

    private void FailActivation(Exception exception)
    {
        _catalog.Remove(this);
        Queue<PendingRequest>? queued;
        TaskCompletionSource? deactivated;
        lock (this)
        {
            _state = ActivationState.Invalid;
            queued = _queue;
            _queue = null;
            _grain = null;
            deactivated = _deactivated;
            if (queued is not null)
            {
                foreach (var pending in queued)
                {
                    pending.Dequeued = true;
                }
            }
        }

        Log.ActivationFailed(_catalog.Logger, exception, GrainId, queued?.Count ?? 0);
        if (queued is not null)
        {
            foreach (var pending in queued)
            {
                pending.Reject(new GrainCallRejectedException(
                    RejectionReason.ActivationFailed, $"Activation of grain {GrainId} failed: {exception.Message}", exception));
            }
        }

        deactivated?.TrySetResult();
    }

    /// <summary>Enters Deactivating and claims the deactivation work if nothing runs.</summary>
    private bool BeginDeactivationLocked(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        _reason = reason;
        _catalog.Collector.OnDeactivated(_estimatedSize);
        PumpLocked();
        return TryClaimDeactivationLocked();
    }

    private bool TryClaimDeactivationLocked()
    {
        if (_state != ActivationState.Deactivating || _deactivationStarted || _running != 0)
        {
            return false;
        }

        if (_reason == DeactivationReason.ShuttingDown && _queue is { Count: > 0 })
        {
            // Draining: the queued requests run first.
            return false;
        }

        _deactivationStarted = true;
        return true;
    }

    private void StartDeactivation()
        => ThreadPool.UnsafeQueueUserWorkItem(static state => _ = ((ActivationData)state!).RunDeactivationAsync(), this, preferLocal: false);

    private async Task RunDeactivationAsync()
    {
        var grain = _grain;
        var reason = _reason;
        if (grain is not null)
        {
            Task? task = null;
            try
            {
                task = grain.OnDeactivateAsync(reason, CancellationToken.None).AsTask();
                var timeout = _catalog.DeactivationTimeout;
                await (task.IsCompleted || timeout == Timeout.InfiniteTimeSpan ? task : task.WaitAsync(timeout, _catalog.TimeProvider)).ConfigureAwait(false);
            }
            catch (TimeoutException) when (task is { IsCompleted: false })
            {
                Log.StuckDeactivation(_catalog.Logger, GrainId, reason, _catalog.DeactivationTimeout.TotalSeconds);
            }
            catch (Exception ex)
            {
                Log.DeactivationFailed(_catalog.Logger, ex, GrainId, reason);
            }
        }

        _catalog.Remove(this);
        Queue<PendingRequest>? forward;
        TaskCompletionSource? deactivated;
        lock (this)
        {
            _state = ActivationState.Invalid;
            forward = _queue;
            _queue = null;
            _grain = null;
            deactivated = _deactivated;
            if (forward is not null)
            {
                foreach (var pending in forward)
                {
                    pending.Dequeued = true;
                }
            }
        }

        if (forward is not null)
        {
            foreach (var pending in forward)
            {
                pending.Redispatch();
            }
        }

        deactivated?.TrySetResult();
    }
}
