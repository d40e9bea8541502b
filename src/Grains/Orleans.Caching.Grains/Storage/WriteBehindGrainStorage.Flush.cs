using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <content>Flushing: the timer's pass over due operations, explicit flushes, retries and coalescing.</content>
public sealed partial class WriteBehindGrainStorage
{
    private void OnTimer()
    {
        if (Interlocked.CompareExchange(ref _timerFlushRunning, 1, 0) != 0)
        {
            return;
        }

        _backgroundFlush = RunTimerFlushAsync();
    }

    private async Task RunTimerFlushAsync()
    {
        try
        {
            await FlushCoreAsync(dueOnly: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.WriteBehindFlushLoopFailed(_logger, ex);
        }
        finally
        {
            Volatile.Write(ref _timerFlushRunning, 0);
        }
    }

    // Flushes the operations pending now (only those whose retry is due, for the timer) in batches; one flush at a time.
    private async Task<(int Failed, int Attempted, Exception? First)> FlushCoreAsync(bool dueOnly, CancellationToken cancellationToken)
    {
        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<KeyValuePair<GrainId, PendingGrainWrite>> work = TakeSnapshot(dueOnly);
            int failed = 0;
            Exception? first = null;
            var batch = new Task<Exception?>[Math.Min(work.Count, _options.MaxBatchSize)];
            for (int start = 0; start < work.Count; start += batch.Length)
            {
                int count = Math.Min(batch.Length, work.Count - start);
                for (int i = 0; i < count; i++)
                {
                    batch[i] = FlushOneAsync(work[start + i].Key, work[start + i].Value, cancellationToken);
                }

                for (int i = 0; i < count; i++)
                {
                    if (await batch[i].ConfigureAwait(false) is { } error)
                    {
                        failed++;
                        first ??= error;
                    }
                }
            }

            if (failed > 0)
            {
                PendingGrainWrite sample = work.Find(w => w.Value.Attempts > 0).Value ?? work[0].Value;
                Log.WriteBehindFlushFailed(_logger, first!, failed, work.Count, sample.Attempts, Backoff(sample.Attempts));
            }
            else if (work.Count > 0)
            {
                Log.WriteBehindFlushed(_logger, work.Count, PendingCount);
            }

            return (failed, work.Count, first);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private List<KeyValuePair<GrainId, PendingGrainWrite>> TakeSnapshot(bool dueOnly)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            var work = new List<KeyValuePair<GrainId, PendingGrainWrite>>(_pending.Count);
            foreach (KeyValuePair<GrainId, PendingGrainWrite> pair in _pending)
            {
                if (!dueOnly || pair.Value.NextAttemptAt <= now)
                {
                    work.Add(pair);
                }
            }

            return work;
        }
    }

    // Returns null on success, or the failure (the operation stays pending with a later retry time).
    private async Task<Exception?> FlushOneAsync(GrainId grainId, PendingGrainWrite operation, CancellationToken cancellationToken)
    {
        try
        {
            string? expected;
            lock (_lock)
            {
                expected = operation.StoredETag;
            }

            string? stored;
            try
            {
                stored = await ApplyAsync(grainId, operation, expected, cancellationToken).ConfigureAwait(false);
            }
            catch (InconsistentStateException ex) when (expected != GrainStorageETags.Any)
            {
                Log.WriteBehindFlushConflict(_logger, grainId, ex.StoredETag);
                stored = await ApplyAsync(grainId, operation, GrainStorageETags.Any, cancellationToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                if (_pending.TryGetValue(grainId, out PendingGrainWrite? current))
                {
                    if (ReferenceEquals(current, operation))
                    {
                        _pending.Remove(grainId);
                    }
                    else
                    {
                        // A newer operation of the grain replaces what this one just wrote.
                        current.StoredETag = stored;
                    }
                }
            }

            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            lock (_lock)
            {
                operation.Attempts++;
                operation.NextAttemptAt = _timeProvider.GetUtcNow() + Backoff(operation.Attempts);
            }

            return ex;
        }
    }

    private async Task<string?> ApplyAsync(GrainId grainId, PendingGrainWrite operation, string? expected, CancellationToken cancellationToken)
    {
        if (operation.Value is null)
        {
            await _inner.ClearAsync(grainId, expected, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await _inner.WriteAsync(grainId, operation.Value, operation.ExpiresAt, expected, cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan Backoff(int attempts)
    {
        if (attempts <= 0)
        {
            return TimeSpan.Zero;
        }

        long ticks = _options.RetryDelay.Ticks << Math.Min(attempts - 1, MaxBackoffDoublings);
        return ticks <= 0 || ticks > _options.MaxRetryDelay.Ticks ? _options.MaxRetryDelay : TimeSpan.FromTicks(ticks);
    }
}
