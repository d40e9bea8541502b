using System.IO.Pipelines;
using System.Net.Sockets;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Pipes over a <see cref="Stream"/> (a <see cref="NetworkStream"/>, or an <see cref="System.Net.Security.SslStream"/> over one): the
/// input reads the stream; the output is an in-memory pipe (so writers may append while a send is in progress) that a send loop
/// copies to the stream segment by segment. The pipe pauses writers' flushes at the pending-bytes bound, which the connection turns
/// into a disconnect.
/// </summary>
internal sealed class StreamTransport : IDuplexPipe, ITransportControl
{
    private const int SegmentSize = 16 * 1024;
    private const long MaxPauseThreshold = 1024 * 1024;

    private readonly Stream _stream;
    private readonly Socket? _socket;
    private readonly Pipe _output;
    private readonly Task _sendLoop;
    private int _closed;

    /// <summary>Initializes a new instance of the <see cref="StreamTransport"/> class and starts sending.</summary>
    /// <param name="stream">The stream; disposed with the transport.</param>
    /// <param name="socket">The socket under it, if this side owns one (shut down for sending after the last byte, then disposed).</param>
    /// <param name="maxPendingSendBytes">The connection's bound on unsent bytes.</param>
    public StreamTransport(Stream stream, Socket? socket, long maxPendingSendBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _socket = socket;
        long pause = Math.Clamp(maxPendingSendBytes, 2, MaxPauseThreshold);
        _output = new Pipe(new PipeOptions(pauseWriterThreshold: pause, resumeWriterThreshold: pause / 2, minimumSegmentSize: SegmentSize, useSynchronizationContext: false));
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: SegmentSize, minimumReadSize: 2048, leaveOpen: true));
        _sendLoop = Task.Run(SendLoopAsync);
    }

    /// <inheritdoc/>
    public PipeReader Input { get; }

    /// <inheritdoc/>
    public PipeWriter Output => _output.Writer;

    /// <inheritdoc/>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _output.Reader.CancelPendingRead();
        DisposeStream();
    }

    /// <inheritdoc/>
    public async ValueTask CloseAsync(TimeSpan timeout)
    {
        try
        {
            await _sendLoop.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever was not sent in time is dropped by the abort below.
        }

        Abort();
    }

    private async Task SendLoopAsync()
    {
        PipeReader reader = _output.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    break;
                }

                foreach (ReadOnlyMemory<byte> segment in result.Buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }

                await _stream.FlushAsync().ConfigureAwait(false);
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    _socket?.Shutdown(SocketShutdown.Send);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException or NotSupportedException)
        {
            error = ex;
        }

        // Completing the reader makes the writer's next flush report completion: the connection sees the transport is gone.
        await reader.CompleteAsync(error).ConfigureAwait(false);
    }

    private void DisposeStream()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // A TLS close_notify that could not be sent.
        }

        _socket?.Dispose();
    }
}
