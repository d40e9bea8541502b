using System.Buffers;
using System.Text;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Reads what <see cref="WireWriter"/> wrote from a complete message body. Any shortfall, overlong length or invalid
/// value throws <see cref="WireProtocolException"/>: a body is never "incomplete", only well-formed or not.
/// </summary>
public ref struct WireReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SequenceReader<byte> _reader;

    /// <summary>Initializes a new instance of the <see cref="WireReader"/> struct.</summary>
    /// <param name="body">The message body.</param>
    public WireReader(ReadOnlySequence<byte> body)
    {
        _reader = new SequenceReader<byte>(body);
    }

    /// <summary>Gets the number of unread bytes.</summary>
    public readonly long Remaining => _reader.Remaining;

    /// <summary>Reads one byte.</summary>
    /// <returns>The byte.</returns>
    public byte ReadByte()
    {
        if (!_reader.TryRead(out byte value))
        {
            throw Truncated();
        }

        return value;
    }

    /// <summary>Reads a boolean (0 or 1; anything else is malformed).</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean()
    {
        byte value = ReadByte();
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new WireProtocolException($"Malformed body: {value} is not a boolean."),
        };
    }

    /// <summary>Reads a 16-bit unsigned integer, little-endian.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16()
    {
        if (!_reader.TryReadLittleEndian(out short value))
        {
            throw Truncated();
        }

        return (ushort)value;
    }

    /// <summary>Reads a 64-bit integer, little-endian.</summary>
    /// <returns>The value.</returns>
    public long ReadInt64()
    {
        if (!_reader.TryReadLittleEndian(out long value))
        {
            throw Truncated();
        }

        return value;
    }

    /// <summary>Reads an unsigned integer of 1–5 bytes, 7 bits per byte.</summary>
    /// <returns>The value.</returns>
    public uint ReadVarUInt32()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte next = ReadByte();
            if (shift == 28 && next > 0x0F)
            {
                throw new WireProtocolException("Malformed body: a variable-length integer overflows 32 bits.");
            }

            result |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return result;
            }
        }

        throw new WireProtocolException("Malformed body: a variable-length integer is longer than 5 bytes.");
    }

    /// <summary>Reads length-prefixed bytes.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ReadBytes() => ReadRaw(CheckLength(ReadVarUInt32()));

    /// <summary>Reads bytes or <see langword="null"/> (prefix length + 1, 0 for null).</summary>
    /// <returns>The bytes, or <see langword="null"/>.</returns>
    public byte[]? ReadNullableBytes()
    {
        uint prefix = ReadVarUInt32();
        return prefix == 0 ? null : ReadRaw(CheckLength(prefix - 1));
    }

    /// <summary>Reads a length-prefixed UTF-8 string.</summary>
    /// <returns>The string.</returns>
    public string ReadString() => ReadUtf8(CheckLength(ReadVarUInt32()));

    /// <summary>Reads a string or <see langword="null"/> (prefix byte length + 1, 0 for null).</summary>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public string? ReadNullableString()
    {
        uint prefix = ReadVarUInt32();
        return prefix == 0 ? null : ReadUtf8(CheckLength(prefix - 1));
    }

    /// <summary>Reads an optional time span.</summary>
    /// <returns>The value.</returns>
    public TimeSpan? ReadNullableTimeSpan() => ReadBoolean() ? TimeSpan.FromTicks(ReadInt64()) : null;

    /// <summary>Reads an optional instant (as UTC).</summary>
    /// <returns>The value.</returns>
    public DateTimeOffset? ReadNullableDateTimeOffset()
    {
        if (!ReadBoolean())
        {
            return null;
        }

        long ticks = ReadInt64();
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new WireProtocolException($"Malformed body: {ticks} ticks is not an instant.");
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Reads a grain id (type name and key).</summary>
    /// <returns>The grain id.</returns>
    public GrainId ReadGrainId()
    {
        string type = ReadString();
        string key = ReadString();
        try
        {
            return new GrainId(new GrainType(type), key);
        }
        catch (ArgumentException exception)
        {
            throw new WireProtocolException($"Malformed body: invalid grain type name: {exception.Message}", exception);
        }
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes.</summary>
    /// <param name="destination">Where to copy them.</param>
    public void ReadExactly(Span<byte> destination)
    {
        if (!_reader.TryCopyTo(destination))
        {
            throw Truncated();
        }

        _reader.Advance(destination.Length);
    }

    /// <summary>Checks that the whole body was read.</summary>
    /// <exception cref="WireProtocolException">Bytes are left over.</exception>
    public readonly void EnsureEnd()
    {
        if (_reader.Remaining != 0)
        {
            throw new WireProtocolException($"Malformed body: {_reader.Remaining} unexpected bytes after the message.");
        }
    }

    private static WireProtocolException Truncated() => new("Malformed body: the message is truncated.");

    private readonly int CheckLength(uint length)
    {
        if (length > _reader.Remaining)
        {
            throw new WireProtocolException($"Malformed body: a length of {length} bytes is more than the {_reader.Remaining} bytes left.");
        }

        return (int)length;
    }

    private byte[] ReadRaw(int length)
    {
        byte[] value = length == 0 ? [] : new byte[length];
        ReadExactly(value);
        return value;
    }

    private string ReadUtf8(int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        try
        {
            ReadOnlySpan<byte> unread = _reader.UnreadSpan;
            if (unread.Length >= length)
            {
                string text = s_strictUtf8.GetString(unread[..length]);
                _reader.Advance(length);
                return text;
            }

            byte[] rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                ReadExactly(rented.AsSpan(0, length));
                return s_strictUtf8.GetString(rented, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        catch (DecoderFallbackException exception)
        {
            throw new WireProtocolException("Malformed body: a string is not valid UTF-8.", exception);
        }
    }
}
