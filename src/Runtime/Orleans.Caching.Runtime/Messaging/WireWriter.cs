using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Writes the primitive encodings of message bodies: little-endian fixed integers, 7-bit variable-length lengths, UTF-8
/// strings and byte arrays with length prefixes, nullable values with a presence marker. <see cref="WireReader"/> reads them.
/// </summary>
public static class WireWriter
{
    /// <summary>Writes one byte.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The byte.</param>
    public static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>Writes a boolean as one byte, 0 or 1.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(IBufferWriter<byte> output, bool value) => WriteByte(output, value ? (byte)1 : (byte)0);

    /// <summary>Writes a 16-bit unsigned integer, little-endian.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteUInt16(IBufferWriter<byte> output, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(output.GetSpan(2), value);
        output.Advance(2);
    }

    /// <summary>Writes a 64-bit integer, little-endian.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    /// <summary>Writes an unsigned integer in 1–5 bytes, 7 bits per byte, low bits first.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteVarUInt32(IBufferWriter<byte> output, uint value)
    {
        Span<byte> span = output.GetSpan(5);
        int count = 0;
        while (value >= 0x80)
        {
            span[count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[count++] = (byte)value;
        output.Advance(count);
    }

    /// <summary>Writes bytes with a length prefix.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The bytes.</param>
    public static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        WriteVarUInt32(output, (uint)value.Length);
        output.Write(value);
    }

    /// <summary>Writes bytes or <see langword="null"/>: the prefix is length + 1, 0 for null.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The bytes, or <see langword="null"/>.</param>
    public static void WriteNullableBytes(IBufferWriter<byte> output, byte[]? value)
    {
        if (value is null)
        {
            WriteVarUInt32(output, 0);
            return;
        }

        WriteVarUInt32(output, (uint)value.Length + 1);
        output.Write(value);
    }

    /// <summary>Writes a string as UTF-8 with a byte-length prefix.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The string.</param>
    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteUtf8(output, value, 0);
    }

    /// <summary>Writes a string or <see langword="null"/>: the prefix is byte length + 1, 0 for null.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The string, or <see langword="null"/>.</param>
    public static void WriteNullableString(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            WriteVarUInt32(output, 0);
            return;
        }

        WriteUtf8(output, value, 1);
    }

    /// <summary>Writes an optional time span: a presence byte, then its ticks.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableTimeSpan(IBufferWriter<byte> output, TimeSpan? value)
    {
        WriteBoolean(output, value.HasValue);
        if (value.HasValue)
        {
            WriteInt64(output, value.Value.Ticks);
        }
    }

    /// <summary>Writes an optional instant: a presence byte, then its UTC ticks (the offset is not kept).</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDateTimeOffset(IBufferWriter<byte> output, DateTimeOffset? value)
    {
        WriteBoolean(output, value.HasValue);
        if (value.HasValue)
        {
            WriteInt64(output, value.Value.UtcTicks);
        }
    }

    /// <summary>Writes a grain id: type name and key, each as a UTF-8 string with a length prefix.</summary>
    /// <param name="output">The output.</param>
    /// <param name="grainId">The grain id.</param>
    public static void WriteGrainId(IBufferWriter<byte> output, GrainId grainId)
    {
        WriteString(output, grainId.Type.Name);
        WriteString(output, grainId.Key);
    }

    private static void WriteUtf8(IBufferWriter<byte> output, string value, uint bias)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32(output, (uint)length + bias);
        int written = Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(written);
    }
}
