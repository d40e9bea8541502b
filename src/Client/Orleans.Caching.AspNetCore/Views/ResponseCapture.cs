using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// Replaces the response body feature while a cached view runs: every write goes through to the client as usual and a copy
/// is kept up to a size limit. A response that disables buffering (streamed), outgrows the limit or whose
/// <c>Content-Length</c> disagrees with what was written is marked as not cacheable.
/// </summary>
internal sealed class ResponseCapture : Stream, IHttpResponseBodyFeature
{
    private static readonly string[] s_storedHeaders = ["Content-Language", "Content-Disposition", "ETag", "Last-Modified", "Location", "Vary"];

    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly long _limit;
    private MemoryStream? _buffer = new();
    private PipeWriter? _writer;
    private bool _streamed;
    private bool _tooLarge;

    /// <summary>Initializes a new instance of the <see cref="ResponseCapture"/> class and installs it on the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The largest body kept.</param>
    public ResponseCapture(HttpContext context, long limit)
    {
        _context = context;
        _limit = limit;
        _inner = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(this);
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    Stream IHttpResponseBodyFeature.Stream => this;

    /// <inheritdoc/>
    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    /// <summary>Flushes what the view wrote through <see cref="Writer"/>.</summary>
    /// <returns>A task.</returns>
    public async Task FinishAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Puts the original body feature back.</summary>
    public void Restore() => _context.Features.Set(_inner);

    /// <summary>Builds what is stored, or explains why the response cannot be cached.</summary>
    /// <param name="response">The finished response.</param>
    /// <param name="reason">Why it cannot be cached.</param>
    /// <returns>The captured response, or <see langword="null"/>.</returns>
    public CachedViewResponse? ToResponse(HttpResponse response, out string? reason)
    {
        reason = _streamed ? "it was streamed (response buffering disabled)"
            : _tooLarge || _buffer is null ? $"its body is larger than {_limit} bytes"
            : response.ContentLength is { } length && length != _buffer.Length ? "its Content-Length differs from the body written"
            : null;
        if (reason is not null)
        {
            return null;
        }

        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in s_storedHeaders)
        {
            if (response.Headers.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values))
            {
                headers[name] = values.ToArray()!;
            }
        }

        return new CachedViewResponse { StatusCode = response.StatusCode, ContentType = response.ContentType, Headers = headers, Body = _buffer!.ToArray() };
    }

    /// <inheritdoc/>
    public void DisableBuffering()
    {
        _streamed = true;
        _inner.DisableBuffering();
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await _inner.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        => SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    /// <inheritdoc/>
    public async Task CompleteAsync()
    {
        await FinishAsync().ConfigureAwait(false);
        await _inner.CompleteAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Flush() => _inner.Stream.Flush();

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.Stream.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _inner.Stream.Write(buffer);
        Keep(buffer);
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _inner.Stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span);
    }

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (_buffer is null)
        {
            return;
        }

        if (_buffer.Length + data.Length > _limit)
        {
            _tooLarge = true;
            _buffer = null;
            return;
        }

        _buffer.Write(data);
    }
}
