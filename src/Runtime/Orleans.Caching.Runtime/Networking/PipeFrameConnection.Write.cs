using System.Buffers;
using System.IO.Pipelines;

namespace Orleans.Caching.Runtime;

/// <content>Writing: whole frames under one lock, "flush unless a flush is running", and the bound on unsent bytes.</content>
internal sealed partial class PipeFrameConnection
{
    /// <summary>The connection whose read loop runs on this thread, dispatching one read's frames (its writes defer their flush).</summary>
    [ThreadStatic]
    private static PipeFrameConnection? s_dispatching;

    private readonly Lock _writeLock = new();
    private readonly FrameBuffer _frameBuffer = new();

    // Guarded by _writeLock.
    private bool _writeClosed;
    private bool _flushing;
    private bool _flushRequested;
    private bool _outputCompleted;
    private bool _flushDeferred;
    private long _pendingSendBytes;
    private Task _flushTask = Task.CompletedTask;

    private bool WriteFrame<TState>(FrameHeader header, TState state, Action<IBufferWriter<byte>, TState>? writeBody)
    {
        Exception? abortReason;
        lock (_writeLock)
        {
            if (_writeClosed)
            {
                return false;
            }

            FrameBuffer buffer = _frameBuffer;
            buffer.Reset();
            try
            {
                writeBody?.Invoke(buffer, state);
                int bodyLength = buffer.BodyLength;
                if (bodyLength > _maxSendBodyLength)
                {
                    throw new ArgumentException(
                        $"The {header.Kind} body of {bodyLength} bytes is over the limit of {_maxSendBodyLength} bytes (Caching:Cluster:MaxFrameBodyLength); nothing was sent.",
                        nameof(writeBody));
                }

                ReadOnlySpan<byte> frame = buffer.Complete(header);
                _output.Write(frame);
                _pendingSendBytes += frame.Length;
            }
            finally
            {
                buffer.Trim();
            }

            if (_pendingSendBytes > _maxPendingSendBytes)
            {
                abortReason = new ConnectionClosedException($"{_pendingSendBytes} bytes wait to be sent to {this}, over the limit of {_maxPendingSendBytes} bytes (Caching:Cluster:MaxPendingSendBytes): the peer is not reading.");
            }
            else if (ReferenceEquals(s_dispatching, this))
            {
                _flushDeferred = true;
                abortReason = null;
            }
            else
            {
                abortReason = FlushUnderLock();
            }
        }

        if (abortReason is not null)
        {
            Log.PeerNotReading(_logger, PeerIdentity, RemoteEndPoint, abortReason.Message);
            Abort(abortReason);
        }

        return true;
    }

    /// <summary>Flushes what the read loop wrote while dispatching a batch of frames.</summary>
    private void FlushDeferred()
    {
        Exception? abortReason;
        lock (_writeLock)
        {
            if (!_flushDeferred)
            {
                return;
            }

            _flushDeferred = false;
            abortReason = _writeClosed ? null : FlushUnderLock();
        }

        if (abortReason is not null)
        {
            Abort(abortReason);
        }
    }

    /// <summary>Starts a flush unless one is running (then it runs again when done). Returns why to abort, if the peer is gone.</summary>
    private Exception? FlushUnderLock()
    {
        if (_flushing)
        {
            _flushRequested = true;
            return null;
        }

        long covered = _pendingSendBytes;
        ValueTask<FlushResult> flush;
        try
        {
            flush = _output.FlushAsync();
        }
        catch (InvalidOperationException ex)
        {
            return new ConnectionClosedException($"The output to {this} is closed.", ex);
        }

        if (flush.IsCompletedSuccessfully)
        {
            _pendingSendBytes -= covered;
            return flush.Result.IsCompleted ? new ConnectionClosedException($"The transport to {this} closed.") : null;
        }

        _flushing = true;
        _flushTask = AwaitFlushAsync(flush, covered);
        return null;
    }

    private async Task AwaitFlushAsync(ValueTask<FlushResult> flush, long covered)
    {
        // Leave the writer's lock before waiting: continuations (and an abort) never run inside a writer's critical section.
        await Task.Yield();
        Exception? failure;
        try
        {
            while (true)
            {
                FlushResult result = await flush.AsTask().WaitAsync(_stallTimeout, _timeProvider).ConfigureAwait(false);
                if (result.IsCompleted && !result.IsCanceled)
                {
                    failure = new ConnectionClosedException($"The transport to {this} closed.");
                    break;
                }

                lock (_writeLock)
                {
                    _pendingSendBytes -= covered;
                    if (result.IsCanceled || _writeClosed || !_flushRequested)
                    {
                        _flushing = false;
                        CompleteOutputIfClosedUnderLock();
                        return;
                    }

                    _flushRequested = false;
                    covered = _pendingSendBytes;
                    flush = _output.FlushAsync();
                }
            }
        }
        catch (TimeoutException)
        {
            failure = new ConnectionClosedException($"Sending to {this} made no progress for {_stallTimeout.TotalSeconds:0.###} s (Caching:Cluster:ResponseTimeout): the peer is not reading.");
            Log.PeerNotReading(_logger, PeerIdentity, RemoteEndPoint, failure.Message);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        lock (_writeLock)
        {
            _flushing = false;
            CompleteOutputIfClosedUnderLock();
        }

        Abort(failure);
    }

    /// <summary>Completes the output once writing is closed and no flush is running (a running flush completes it when done).</summary>
    private void CompleteOutputIfClosedUnderLock()
    {
        if (_writeClosed && !_flushing && !_outputCompleted)
        {
            _outputCompleted = true;
            _output.Complete();
        }
    }
}
