using System.Buffers.Binary;

namespace Orleans.Caching;

/// <summary>
/// The layout of one <see cref="FileSystemCache"/> file: a fixed header, the full key, then the value bytes.
/// </summary>
/// <remarks>
/// <code>
/// offset  size  field
///      0     4  magic "OCFS"
///      4     1  format version (1)
///      5     3  reserved, zero
///      8     8  expiry, Unix seconds, little-endian; 0 = never expires
///     16     4  key length in bytes, little-endian
///     20     n  the full key (prefix included), UTF-8
///   20+n     …  the value
/// </code>
/// Storing the key lets a read reject a file that belongs to another key and lets a prefixed cache clear only its own files.
/// </remarks>
internal static class FileSystemEntryFormat
{
    /// <summary>The size of the fixed part of the header.</summary>
    public const int FixedHeaderLength = 20;

    /// <summary>The format version written.</summary>
    public const byte Version = 1;

    /// <summary>Gets the four bytes every entry file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "OCFS"u8;

    /// <summary>Writes the header (fixed part and key) of an entry.</summary>
    /// <param name="expiry">The expiry in Unix seconds; 0 = never.</param>
    /// <param name="keyBytes">The full key in UTF-8.</param>
    /// <returns>The header bytes.</returns>
    public static byte[] EncodeHeader(long expiry, ReadOnlySpan<byte> keyBytes)
    {
        byte[] header = new byte[FixedHeaderLength + keyBytes.Length];
        Magic.CopyTo(header);
        header[4] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8, 8), expiry);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16, 4), keyBytes.Length);
        keyBytes.CopyTo(header.AsSpan(FixedHeaderLength));
        return header;
    }

    /// <summary>Checks the fixed part of a header.</summary>
    /// <param name="header">The first <see cref="FixedHeaderLength"/> bytes of the file.</param>
    /// <param name="fileLength">The file's length, to check the key length against.</param>
    /// <param name="expiry">The expiry read.</param>
    /// <param name="keyLength">The key length read.</param>
    /// <returns><see langword="null"/> if valid; otherwise why not, for the log.</returns>
    public static string? TryDecodeFixedHeader(ReadOnlySpan<byte> header, long fileLength, out long expiry, out int keyLength)
    {
        expiry = 0;
        keyLength = 0;
        if (header.Length < FixedHeaderLength || fileLength < FixedHeaderLength)
        {
            return "truncated header";
        }

        if (!header[..4].SequenceEqual(Magic))
        {
            return "not written by this cache";
        }

        if (header[4] != Version)
        {
            return $"unsupported format version {header[4]}";
        }

        expiry = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(8, 8));
        keyLength = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(16, 4));
        if (keyLength <= 0 || keyLength > fileLength - FixedHeaderLength)
        {
            return "bad key length";
        }

        return null;
    }
}
