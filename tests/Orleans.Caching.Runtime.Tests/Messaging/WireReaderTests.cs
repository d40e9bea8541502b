using System.Buffers;
using Orleans.Caching.Tests.Buffers;

namespace Orleans.Caching.Runtime.Tests.Messaging;

public sealed class WireReaderTests
{
    private static ReadOnlySequence<byte> Write(Action<IBufferWriter<byte>> write, int chunk = 3)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Segments.Split(output.WrittenMemory.ToArray(), chunk);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(127u)]
    [InlineData(128u)]
    [InlineData(16_383u)]
    [InlineData(16_384u)]
    [InlineData(uint.MaxValue)]
    public void Variable_length_integers_round_trip(uint value)
    {
        var reader = new WireReader(Write(o => WireWriter.WriteVarUInt32(o, value)));

        Assert.Equal(value, reader.ReadVarUInt32());
        reader.EnsureEnd();
    }

    [Fact]
    public void Every_primitive_round_trips_across_segment_boundaries()
    {
        DateTimeOffset instant = new(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        string text = "clé/ключ/鍵/🔑" + new string('x', 300);
        ReadOnlySequence<byte> body = Write(o =>
        {
            WireWriter.WriteByte(o, 200);
            WireWriter.WriteBoolean(o, true);
            WireWriter.WriteUInt16(o, 65535);
            WireWriter.WriteInt64(o, long.MinValue);
            WireWriter.WriteBytes(o, [1, 2, 3]);
            WireWriter.WriteNullableBytes(o, null);
            WireWriter.WriteNullableBytes(o, []);
            WireWriter.WriteString(o, text);
            WireWriter.WriteNullableString(o, null);
            WireWriter.WriteNullableString(o, string.Empty);
            WireWriter.WriteNullableTimeSpan(o, TimeSpan.FromMilliseconds(-5));
            WireWriter.WriteNullableTimeSpan(o, null);
            WireWriter.WriteNullableDateTimeOffset(o, instant);
            WireWriter.WriteNullableDateTimeOffset(o, null);
            WireWriter.WriteGrainId(o, GrainId.Create("cache-entry", "k:ü"));
        });

        var reader = new WireReader(body);
        Assert.Equal(200, reader.ReadByte());
        Assert.True(reader.ReadBoolean());
        Assert.Equal(65535, reader.ReadUInt16());
        Assert.Equal(long.MinValue, reader.ReadInt64());
        Assert.Equal([1, 2, 3], reader.ReadBytes());
        Assert.Null(reader.ReadNullableBytes());
        Assert.Equal([], Assert.IsType<byte[]>(reader.ReadNullableBytes()));
        Assert.Equal(text, reader.ReadString());
        Assert.Null(reader.ReadNullableString());
        Assert.Equal(string.Empty, reader.ReadNullableString());
        Assert.Equal(TimeSpan.FromMilliseconds(-5), reader.ReadNullableTimeSpan());
        Assert.Null(reader.ReadNullableTimeSpan());
        Assert.Equal(instant, reader.ReadNullableDateTimeOffset());
        Assert.Null(reader.ReadNullableDateTimeOffset());
        Assert.Equal(GrainId.Create("cache-entry", "k:ü"), reader.ReadGrainId());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void A_variable_length_integer_longer_than_32_bits_is_malformed()
    {
        Assert.Throws<WireProtocolException>(() => new WireReader(new ReadOnlySequence<byte>(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x1F })).ReadVarUInt32());
        Assert.Throws<WireProtocolException>(() => new WireReader(new ReadOnlySequence<byte>(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })).ReadVarUInt32());
    }

    [Fact]
    public void A_length_beyond_the_body_is_malformed_without_allocating_it()
    {
        ReadOnlySequence<byte> body = Write(o => WireWriter.WriteVarUInt32(o, int.MaxValue));

        WireProtocolException error = Assert.Throws<WireProtocolException>(() => new WireReader(body).ReadBytes());
        Assert.Contains("2147483647", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        ReadOnlySequence<byte> body = Write(o => WireWriter.WriteBytes(o, [0xC3, 0x28]));

        Assert.Throws<WireProtocolException>(() => new WireReader(body).ReadString());
    }

    [Fact]
    public void A_boolean_other_than_0_or_1_is_malformed()
    {
        Assert.Throws<WireProtocolException>(() => new WireReader(new ReadOnlySequence<byte>(new byte[] { 2 })).ReadBoolean());
    }

    [Fact]
    public void An_instant_out_of_range_is_malformed()
    {
        ReadOnlySequence<byte> body = Write(o =>
        {
            WireWriter.WriteBoolean(o, true);
            WireWriter.WriteInt64(o, long.MaxValue);
        });

        Assert.Throws<WireProtocolException>(() => new WireReader(body).ReadNullableDateTimeOffset());
    }

    [Fact]
    public void An_invalid_grain_type_name_is_malformed()
    {
        ReadOnlySequence<byte> body = Write(o =>
        {
            WireWriter.WriteString(o, string.Empty);
            WireWriter.WriteString(o, "key");
        });

        Assert.Throws<WireProtocolException>(() => new WireReader(body).ReadGrainId());
    }

    [Fact]
    public void Leftover_bytes_are_malformed()
    {
        var reader = new WireReader(new ReadOnlySequence<byte>(new byte[] { 1, 2 }));
        reader.ReadByte();

        WireProtocolException? error = null;
        try
        {
            reader.EnsureEnd();
        }
        catch (WireProtocolException exception)
        {
            error = exception;
        }

        Assert.NotNull(error);
    }
}
