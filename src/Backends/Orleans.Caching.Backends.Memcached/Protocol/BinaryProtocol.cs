using System.Buffers.Binary;

namespace Orleans.Caching.Memcached.Protocol;

/// <summary>Constants and header encoding of memcached's binary protocol (24-byte headers, big-endian fields).</summary>
internal static class BinaryProtocol
{
    public const int HeaderLength = 24;
    public const byte RequestMagic = 0x80;
    public const byte ResponseMagic = 0x81;

    public const byte OpGet = 0x00;
    public const byte OpSet = 0x01;
    public const byte OpAdd = 0x02;
    public const byte OpDelete = 0x04;
    public const byte OpIncrement = 0x05;
    public const byte OpFlush = 0x08;
    public const byte OpNoop = 0x0A;
    public const byte OpGetKeyQuiet = 0x0D;
    public const byte OpDeleteQuiet = 0x14;
    public const byte OpTouch = 0x1C;
    public const byte OpSaslListMechanisms = 0x20;
    public const byte OpSaslAuthenticate = 0x21;

    public const ushort StatusOk = 0x0000;
    public const ushort StatusKeyNotFound = 0x0001;
    public const ushort StatusKeyExists = 0x0002;
    public const ushort StatusValueTooLarge = 0x0003;
    public const ushort StatusNotStored = 0x0005;
    public const ushort StatusNonNumeric = 0x0006;
    public const ushort StatusAuthenticationError = 0x0020;
    public const ushort StatusAuthenticationContinue = 0x0021;

    /// <summary>Writes a request header.</summary>
    public static void WriteRequestHeader(Span<byte> header, byte opcode, int keyLength, int extrasLength, int valueLength, uint opaque, ulong cas)
    {
        header.Clear();
        header[0] = RequestMagic;
        header[1] = opcode;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], checked((ushort)keyLength));
        header[4] = checked((byte)extrasLength);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], checked((uint)(keyLength + extrasLength + valueLength)));
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], opaque);
        BinaryPrimitives.WriteUInt64BigEndian(header[16..], cas);
    }

    /// <summary>Describes a status for messages.</summary>
    public static string DescribeStatus(ushort status) => status switch
    {
        StatusOk => "no error",
        StatusKeyNotFound => "key not found",
        StatusKeyExists => "key exists",
        StatusValueTooLarge => "value too large",
        0x0004 => "invalid arguments",
        StatusNotStored => "item not stored",
        StatusNonNumeric => "incr/decr on a non-numeric value",
        StatusAuthenticationError => "authentication required or failed",
        StatusAuthenticationContinue => "authentication continue",
        0x0081 => "unknown command",
        0x0082 => "out of memory",
        _ => $"status 0x{status:X4}",
    };
}
