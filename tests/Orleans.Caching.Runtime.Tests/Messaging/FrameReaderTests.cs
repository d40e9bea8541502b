using System.Buffers;
using System.Buffers.Binary;
using Orleans.Caching.Tests.Buffers;

namespace Orleans.Caching.Runtime.Tests.Messaging;

public sealed class FrameReaderTests
{
    private static readonly FrameHeader s_header = new(FrameKind.Request, CorrelationId: -42, MembershipVersion: 7, TimeToLiveMilliseconds: 30_000, FrameFlags.Forwarded);

    private static byte[] Encode(FrameHeader header, byte[] body)
    {
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.Write(output, header, body);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void A_written_frame_reads_back_with_its_header_and_body()
    {
        byte[] bytes = Encode(s_header, [1, 2, 3]);
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(new FrameReader().TryRead(ref buffer, out Frame frame));

        Assert.Equal(s_header, frame.Header);
        Assert.Equal([1, 2, 3], frame.Body.ToArray());
        Assert.True(buffer.IsEmpty);
        Assert.Equal(FrameHeader.FrameOverhead + 3, bytes.Length);
    }

    [Fact]
    public void The_layout_is_a_little_endian_body_length_then_the_header()
    {
        byte[] bytes = Encode(new FrameHeader(FrameKind.Ping, 0x0102030405060708, 9, 10), [0xAA]);

        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes));
        Assert.Equal((byte)FrameKind.Ping, bytes[4]);
        Assert.Equal(0, bytes[5]);
        Assert.Equal(0x0102030405060708, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(9, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(10u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(0xAA, bytes[28]);
    }

    [Fact]
    public void Several_frames_in_one_buffer_read_one_after_another()
    {
        byte[] bytes = [.. Encode(s_header with { CorrelationId = 1 }, [1]), .. Encode(s_header with { CorrelationId = 2 }, []), .. Encode(s_header with { CorrelationId = 3 }, [3, 3])];
        var buffer = new ReadOnlySequence<byte>(bytes);
        var reader = new FrameReader();
        var ids = new List<long>();

        while (reader.TryRead(ref buffer, out Frame frame))
        {
            ids.Add(frame.Header.CorrelationId);
        }

        Assert.Equal([1, 2, 3], ids);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void A_frame_split_over_many_segments_reads_the_same(int chunk)
    {
        byte[] body = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        ReadOnlySequence<byte> buffer = Segments.Split(Encode(s_header, body), chunk);

        Assert.True(new FrameReader().TryRead(ref buffer, out Frame frame));

        Assert.Equal(s_header, frame.Header);
        Assert.Equal(body, frame.Body.ToArray());
    }

    [Fact]
    public void A_truncated_frame_at_every_offset_is_incomplete_and_leaves_the_buffer_untouched()
    {
        byte[] bytes = Encode(s_header, [1, 2, 3, 4, 5]);
        var reader = new FrameReader();
        for (int length = 0; length < bytes.Length; length++)
        {
            ReadOnlySequence<byte> buffer = Segments.Split(bytes.AsMemory(0, length), 5);
            ReadOnlySequence<byte> before = buffer;

            Assert.False(reader.TryRead(ref buffer, out _));
            Assert.Equal(before, buffer);
        }
    }

    [Fact]
    public void A_length_over_the_limit_is_refused_as_soon_as_the_prefix_arrives()
    {
        byte[] prefix = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, 1025);
        var buffer = new ReadOnlySequence<byte>(prefix);

        WireProtocolException error = Assert.Throws<WireProtocolException>(() => new FrameReader(maxBodyLength: 1024).TryRead(ref buffer, out _));
        Assert.Contains("1025", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_length_with_the_high_bit_set_is_refused()
    {
        byte[] prefix = [0xFF, 0xFF, 0xFF, 0xFF];
        var buffer = new ReadOnlySequence<byte>(prefix);

        Assert.Throws<WireProtocolException>(() => new FrameReader().TryRead(ref buffer, out _));
    }

    [Fact]
    public void A_body_exactly_at_the_limit_is_accepted()
    {
        var buffer = new ReadOnlySequence<byte>(Encode(s_header, new byte[1024]));

        Assert.True(new FrameReader(maxBodyLength: 1024).TryRead(ref buffer, out Frame frame));
        Assert.Equal(1024, frame.Body.Length);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 8)]
    [InlineData(4, 200)]
    [InlineData(5, 2)]
    [InlineData(5, 0x80)]
    [InlineData(6, 1)]
    [InlineData(7, 1)]
    [InlineData(23, 0x80)]
    public void A_malformed_header_is_refused(int offset, byte value)
    {
        byte[] bytes = Encode(s_header, [1]);
        bytes[offset] = value;
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Throws<WireProtocolException>(() => new FrameReader().TryRead(ref buffer, out _));
    }

    [Fact]
    public void Writing_a_negative_membership_version_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameWriter.Write(new ArrayBufferWriter<byte>(), s_header with { MembershipVersion = -1 }, []));
    }

    [Fact]
    public void A_sequence_body_is_written_like_a_span_body()
    {
        byte[] body = Enumerable.Range(0, 50).Select(i => (byte)i).ToArray();
        var output = new ArrayBufferWriter<byte>();

        FrameWriter.Write(output, s_header, Segments.Split(body, 7));

        Assert.Equal(Encode(s_header, body), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Random_input_never_fails_with_anything_but_a_protocol_error()
    {
        var random = new Random(12345);
        var reader = new FrameReader(maxBodyLength: 4096);
        int frames = 0, violations = 0, incomplete = 0;
        for (int round = 0; round < 5000; round++)
        {
            byte[] bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (round % 2 == 0 && bytes.Length >= 8)
            {
                bytes[4] = (byte)random.Next(1, 8);
                bytes[5] = bytes[6] = bytes[7] = 0;
                BinaryPrimitives.WriteInt32LittleEndian(bytes, random.Next(0, 300));
            }

            ReadOnlySequence<byte> buffer = Segments.Split(bytes, random.Next(1, 50));
            try
            {
                while (reader.TryRead(ref buffer, out _))
                {
                    frames++;
                }

                incomplete++;
            }
            catch (WireProtocolException)
            {
                violations++;
            }
        }

        Assert.Equal(5000, incomplete + violations);
        Assert.True(frames > 0 && violations > 0 && incomplete > 0, $"frames {frames}, violations {violations}, incomplete {incomplete}");
    }
}
