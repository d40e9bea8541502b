using System.Text;
using Orleans.Caching.Memcached.Client;

namespace Orleans.Caching.Tests.Memcached.Protocol;

public sealed class ProtocolParserTests
{
    private static byte[] Key => "k"u8.ToArray();

    [Fact]
    public async Task A_meta_get_reads_value_flags_ttl_and_cas()
    {
        var stream = new ScriptedStream("VA 3 f1795000000 t42 c7\r\nabc\r\n");
        var connection = new MetaConnection(stream, "test:1");

        MemcachedItem? item = await connection.GetAsync(Key, withValue: true, CancellationToken.None);

        Assert.Equal("abc", Encoding.ASCII.GetString(item!.Value.Value!));
        Assert.Equal(1795000000u, item.Value.Flags);
        Assert.Equal(42, item.Value.TimeToLive);
        Assert.Equal(7ul, item.Value.Cas);
        Assert.Equal("mg k v f t c\r\n", stream.Sent);
        Assert.False(connection.IsBroken);
    }

    [Theory]
    [InlineData("HELLO WORLD\r\n", "unexpected reply 'HELLO WORLD'")]
    [InlineData("SERVER_ERROR out of memory\r\n", "SERVER_ERROR out of memory")]
    [InlineData("VA x\r\nabc\r\n", "bad value size")]
    [InlineData("VA 3 tZZ\r\nabc\r\n", "bad 't' flag")]
    [InlineData("VA 3\r\nabcXY", "not followed by CR LF")]
    [InlineData("HD\n", "without CR LF")]
    public async Task A_malformed_meta_reply_is_a_clear_protocol_error_and_breaks_the_connection(string reply, string expected)
    {
        var connection = new MetaConnection(new ScriptedStream(reply), "test:1");

        MemcachedProtocolException error = await Assert.ThrowsAsync<MemcachedProtocolException>(
            async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("test:1", error.Message, StringComparison.Ordinal);
        Assert.True(connection.IsBroken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("VA 10\r\nabc")]
    [InlineData("VA 3 f1")]
    public async Task A_truncated_meta_reply_is_an_IOException_and_breaks_the_connection(string reply)
    {
        var connection = new MetaConnection(new ScriptedStream(reply), "test:1");

        IOException error = await Assert.ThrowsAsync<IOException>(async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task An_endless_line_of_garbage_is_rejected_without_reading_it_all()
    {
        var connection = new MetaConnection(new ScriptedStream(new string('x', 100_000)), "test:1");

        MemcachedProtocolException error = await Assert.ThrowsAsync<MemcachedProtocolException>(
            async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task A_binary_reply_with_a_bad_magic_byte_is_a_protocol_error()
    {
        byte[] reply = new byte[24];
        reply[0] = (byte)'E';
        var connection = new BinaryConnection(new ScriptedStream(reply), "test:1");

        MemcachedProtocolException error = await Assert.ThrowsAsync<MemcachedProtocolException>(
            async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task A_binary_reply_for_another_request_is_a_protocol_error()
    {
        byte[] reply = new byte[24];
        reply[0] = 0x81;
        reply[1] = 0x01; // a set reply while a get is waiting
        var connection = new BinaryConnection(new ScriptedStream(reply), "test:1");

        await Assert.ThrowsAsync<MemcachedProtocolException>(async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task A_truncated_binary_reply_is_an_IOException()
    {
        var connection = new BinaryConnection(new ScriptedStream(new byte[] { 0x81, 0x00, 0x00 }), "test:1");

        await Assert.ThrowsAsync<IOException>(async () => await connection.GetAsync(Key, withValue: true, CancellationToken.None));

        Assert.True(connection.IsBroken);
    }

    [Fact]
    public async Task A_binary_get_reads_the_flags_and_value()
    {
        byte[] reply = [0x81, 0x00, 0, 0, 4, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 5, (byte)'a', (byte)'b', (byte)'c'];
        var connection = new BinaryConnection(new ScriptedStream(reply), "test:1");

        MemcachedItem? item = await connection.GetAsync(Key, withValue: true, CancellationToken.None);

        Assert.Equal("abc", Encoding.ASCII.GetString(item!.Value.Value!));
        Assert.Equal(5u, item.Value.Flags);
        Assert.Equal(9ul, item.Value.Cas);
        Assert.Null(item.Value.TimeToLive);
        Assert.False(connection.IsBroken);
    }

    /// <summary>A stream that answers with canned bytes and records what was written.</summary>
    private sealed class ScriptedStream(byte[] reply) : Stream
    {
        private readonly MemoryStream _reply = new(reply);
        private readonly MemoryStream _sent = new();

        public ScriptedStream(string reply)
            : this(Encoding.ASCII.GetBytes(reply))
        {
        }

        public string Sent => Encoding.ASCII.GetString(_sent.ToArray());

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _reply.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _sent.Write(buffer, offset, count);
    }
}
