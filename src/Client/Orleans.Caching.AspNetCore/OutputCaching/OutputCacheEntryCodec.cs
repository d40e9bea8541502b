using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The stored form of an output cache entry: a format byte, the expiry (UTC ticks), the tag count, then each tag (UTF-8, length-prefixed)
/// with the 16-byte version token it had when the entry was stored, then the body the middleware gave the store.
/// </summary>
internal static class OutputCacheEntryCodec
{
    public const byte Format = 1;
    public const int TokenLength = 16;
    private const int FixedHeaderLength = 1 + 8 + 4;

    public static byte[] Encode(long expiresUtcTicks, ReadOnlySpan<string> tags, ReadOnlySpan<byte[]> tokens, ReadOnlySequence<byte> body)
    {
        int length = FixedHeaderLength;
        for (int i = 0; i < tags.Length; i++)
        {
            length += 4 + Encoding.UTF8.GetByteCount(tags[i]) + TokenLength;
        }

        byte[] payload = new byte[checked(length + (int)body.Length)];
        Span<byte> span = payload;
        span[0] = Format;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], expiresUtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], tags.Length);
        int offset = FixedHeaderLength;
        for (int i = 0; i < tags.Length; i++)
        {
            int written = Encoding.UTF8.GetBytes(tags[i], span[(offset + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], written);
            offset += 4 + written;
            tokens[i].CopyTo(span[offset..]);
            offset += TokenLength;
        }

        body.CopyTo(span[offset..]);
        return payload;
    }

    /// <summary>Reads the header; the tags and their tokens are returned only when there are some (no allocation otherwise).</summary>
    public static bool TryDecode(byte[] payload, out long expiresUtcTicks, out string[]? tags, out int[]? tokenOffsets, out int bodyOffset)
    {
        expiresUtcTicks = 0;
        tags = null;
        tokenOffsets = null;
        bodyOffset = 0;
        ReadOnlySpan<byte> span = payload;
        if (span.Length < FixedHeaderLength || span[0] != Format)
        {
            return false;
        }

        expiresUtcTicks = BinaryPrimitives.ReadInt64LittleEndian(span[1..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(span[9..]);
        if (count < 0 || count > span.Length)
        {
            return false;
        }

        int offset = FixedHeaderLength;
        if (count > 0)
        {
            tags = new string[count];
            tokenOffsets = new int[count];
        }

        for (int i = 0; i < count; i++)
        {
            if (span.Length - offset < 4)
            {
                return false;
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
            offset += 4;
            if (length < 0 || span.Length - offset < length + TokenLength)
            {
                return false;
            }

            tags![i] = Encoding.UTF8.GetString(span.Slice(offset, length));
            offset += length;
            tokenOffsets![i] = offset;
            offset += TokenLength;
        }

        bodyOffset = offset;
        return true;
    }
}
