namespace Orleans.Caching.Memcached.Protocol;

/// <summary>Buffered reads of a memcached reply: CRLF-terminated lines (text protocol) and exact byte counts (values, binary frames).</summary>
/// <remarks>A reply cut short by the server closing the connection raises <see cref="IOException"/> (a server failure); a malformed reply
/// (no CR LF, a line longer than <see cref="MaxLineLength"/>) raises <see cref="MemcachedProtocolException"/>.</remarks>
internal sealed class ResponseReader
{
    /// <summary>The longest reply line accepted, CRLF included.</summary>
    public const int MaxLineLength = 8 * 1024;

    private readonly Stream _stream;
    private readonly string _server;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public ResponseReader(Stream stream, string server)
    {
        _stream = stream;
        _server = server;
    }

    /// <summary>Reads one line; the returned bytes (CRLF excluded) stay valid until the next read.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken cancellationToken)
    {
        int scanned = 0;
        while (true)
        {
            int available = _end - _start;
            int lf = available > scanned ? _buffer.AsSpan(_start + scanned, available - scanned).IndexOf((byte)'\n') : -1;
            if (lf >= 0)
            {
                int lineEnd = _start + scanned + lf;
                if (lineEnd == _start || _buffer[lineEnd - 1] != (byte)'\r')
                {
                    throw Error("a reply line ended without CR LF");
                }

                var line = new ReadOnlyMemory<byte>(_buffer, _start, lineEnd - 1 - _start);
                _start = lineEnd + 1;
                return line;
            }

            scanned = available;
            if (available >= MaxLineLength)
            {
                throw Error($"a reply line is longer than {MaxLineLength} bytes (is this a memcached server?)");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads exactly <paramref name="destination"/>'s length of bytes.</summary>
    public async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        int buffered = Math.Min(_end - _start, destination.Length);
        _buffer.AsMemory(_start, buffered).CopyTo(destination);
        _start += buffered;
        Memory<byte> rest = destination[buffered..];
        while (rest.Length > 0)
        {
            if (rest.Length < _buffer.Length / 2)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                int take = Math.Min(_end - _start, rest.Length);
                _buffer.AsMemory(_start, take).CopyTo(rest);
                _start += take;
                rest = rest[take..];
                continue;
            }

            int read = await _stream.ReadAsync(rest, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Truncated();
            }

            rest = rest[read..];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes into a new array.</summary>
    public async ValueTask<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
    {
        byte[] result = count == 0 ? [] : new byte[count];
        await ReadExactAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads a data block of <paramref name="count"/> bytes followed by CR LF (text protocol values).</summary>
    public async ValueTask<byte[]> ReadDataBlockAsync(int count, CancellationToken cancellationToken)
    {
        byte[] data = await ReadBytesAsync(count, cancellationToken).ConfigureAwait(false);
        byte[] crlf = new byte[2];
        await ReadExactAsync(crlf, cancellationToken).ConfigureAwait(false);
        if (crlf[0] != (byte)'\r' || crlf[1] != (byte)'\n')
        {
            throw Error($"a {count}-byte value was not followed by CR LF");
        }

        return data;
    }

    /// <summary>Creates the error for a malformed reply.</summary>
    public MemcachedProtocolException Error(string message) => new(_server, "malformed reply: " + message + "; the connection is closed.");

    private IOException Truncated() => new($"Memcached server {_server} closed the connection in the middle of a reply (truncated reply).");

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            int length = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, length);
            _start = 0;
            _end = length;
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw Truncated();
        }

        _end += read;
    }
}
