namespace Orleans.Caching.Runtime;

/// <content>Closing: abort at once, or dispose after sending what is queued; pending calls fail once, the handler hears once.</content>
internal sealed partial class PipeFrameConnection
{
    private Exception? _closeReason;

    /// <inheritdoc/>
    public override void Abort(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        lock (_writeLock)
        {
            _writeClosed = true;
            if (_flushing)
            {
                _output.CancelPendingFlush();
            }

            CompleteOutputIfClosedUnderLock();
        }

        _input.CancelPendingRead();
        _transport?.Abort();
        Finish(reason);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) != 0)
        {
            await _closed.Task.ConfigureAwait(false);
            return;
        }

        Task flushTask;
        lock (_writeLock)
        {
            _writeClosed = true;
            flushTask = _flushing ? _flushTask : Task.CompletedTask;
            CompleteOutputIfClosedUnderLock();
        }

        try
        {
            // A running flush completes the output when it ends; a stalled one is cut short.
            await flushTask.WaitAsync(_stallTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _output.CancelPendingFlush();
        }

        _input.CancelPendingRead();
        await _readLoop.ConfigureAwait(false);
        if (_transport is not null)
        {
            await _transport.CloseAsync(_stallTimeout).ConfigureAwait(false);
        }

        Finish(null);
    }

    private void Finish(Exception? reason)
    {
        int failed = 0;
        foreach (long correlationId in _pending.Keys)
        {
            if (_pending.TryRemove(correlationId, out OutboundCall? call))
            {
                failed++;
                try
                {
                    call.OnFailure(CreateClosedException(reason));
                }
                catch (Exception ex)
                {
                    Log.OutboundCallCallbackFailed(_logger, ex, correlationId, PeerIdentity);
                }
            }
        }

        Log.ConnectionClosed(_logger, PeerIdentity, RemoteEndPoint, reason?.Message ?? "orderly close", failed);
        try
        {
            _handler.OnClosed(this, reason);
        }
        catch (Exception ex)
        {
            Log.FrameHandlerFailed(_logger, ex, FrameKind.Request, PeerIdentity, RemoteEndPoint);
        }

        _closed.TrySetResult();
    }

    private ConnectionClosedException CreateClosedException(Exception? reason) => reason switch
    {
        ConnectionClosedException closed => new ConnectionClosedException(closed.Message, closed),
        null => new ConnectionClosedException($"The connection with {this} closed before the reply arrived."),
        _ => new ConnectionClosedException($"The connection with {this} closed before the reply arrived: {reason.Message}", reason),
    };
}
