using System.Buffers.Text;
using System.Text;

namespace Orleans.Caching.Memcached.Protocol;

/// <summary>Parses the lines of the meta text protocol (<c>VA</c>, <c>HD</c>, <c>EN</c>, <c>NF</c>, ... and error lines).</summary>
internal static class MetaReply
{
    /// <summary>Tells whether a line is exactly the two-letter code <paramref name="code"/>, optionally followed by flags.</summary>
    public static bool Is(ReadOnlySpan<byte> line, ReadOnlySpan<byte> code)
        => line.StartsWith(code) && (line.Length == code.Length || line[code.Length] == (byte)' ');

    /// <summary>Reads the size of a <c>VA &lt;size&gt; &lt;flags&gt;*</c> line and returns the flags part.</summary>
    public static int ParseValueSize(ResponseReader reader, ReadOnlySpan<byte> line, out ReadOnlySpan<byte> flags)
    {
        ReadOnlySpan<byte> rest = line[2..].TrimStart((byte)' ');
        int space = rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> size = space < 0 ? rest : rest[..space];
        flags = space < 0 ? default : rest[(space + 1)..];
        if (!Utf8Parser.TryParse(size, out int length, out int consumed) || consumed != size.Length || length < 0)
        {
            throw reader.Error($"bad value size in '{Describe(line)}'");
        }

        return length;
    }

    /// <summary>Finds the numeric flag <paramref name="flag"/> (such as <c>t</c> in <c>t300</c>) among the returned flags.</summary>
    public static bool TryGetFlag(ResponseReader reader, ReadOnlySpan<byte> flags, byte flag, out long value)
    {
        while (!flags.IsEmpty)
        {
            int space = flags.IndexOf((byte)' ');
            ReadOnlySpan<byte> token = space < 0 ? flags : flags[..space];
            flags = space < 0 ? default : flags[(space + 1)..];
            if (token.Length > 1 && token[0] == flag)
            {
                ReadOnlySpan<byte> digits = token[1..];
                if (!Utf8Parser.TryParse(digits, out value, out int consumed) || consumed != digits.Length)
                {
                    throw reader.Error($"bad '{(char)flag}' flag '{Describe(token)}'");
                }

                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Reads an unsigned flag (CAS tokens are 64-bit unsigned).</summary>
    public static ulong GetUnsignedFlag(ResponseReader reader, ReadOnlySpan<byte> flags, byte flag)
    {
        while (!flags.IsEmpty)
        {
            int space = flags.IndexOf((byte)' ');
            ReadOnlySpan<byte> token = space < 0 ? flags : flags[..space];
            flags = space < 0 ? default : flags[(space + 1)..];
            if (token.Length > 1 && token[0] == flag)
            {
                if (!Utf8Parser.TryParse(token[1..], out ulong value, out int consumed) || consumed != token.Length - 1)
                {
                    throw reader.Error($"bad '{(char)flag}' flag '{Describe(token)}'");
                }

                return value;
            }
        }

        return 0;
    }

    /// <summary>Builds the error for a reply that is not one the command allows: the server's error line, or garbage.</summary>
    public static MemcachedProtocolException Unexpected(ResponseReader reader, ReadOnlySpan<byte> line, string command)
    {
        if (line.StartsWith("SERVER_ERROR"u8) || line.StartsWith("CLIENT_ERROR"u8) || Is(line, "ERROR"u8))
        {
            return reader.Error($"the server answered '{Describe(line)}' to {command}");
        }

        return reader.Error($"unexpected reply '{Describe(line)}' to {command}");
    }

    /// <summary>Renders reply bytes for a message: printable ASCII as is, anything else as <c>\xNN</c>, at most 80 bytes.</summary>
    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, 80) + 8);
        for (int i = 0; i < bytes.Length && i < 80; i++)
        {
            byte b = bytes[i];
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (bytes.Length > 80)
        {
            text.Append('…');
        }

        return text.ToString();
    }
}
