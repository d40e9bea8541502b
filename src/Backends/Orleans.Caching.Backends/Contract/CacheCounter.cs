using System.Buffers.Text;
using System.Globalization;

namespace Orleans.Caching;

/// <summary>Counters are stored as ASCII decimal text, the form Redis <c>INCRBY</c> uses and JSON reads as a number.</summary>
public static class CacheCounter
{
    /// <summary>Reads a stored counter; a missing value counts as 0.</summary>
    /// <param name="key">The key, for the error message.</param>
    /// <param name="value">The stored bytes, or <see langword="null"/> if missing.</param>
    /// <returns>The counter's value.</returns>
    /// <exception cref="CacheException">The stored value is not an integer.</exception>
    public static long Parse(string key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        if (Utf8Parser.TryParse(value, out long number, out int consumed) && consumed == value.Length)
        {
            return number;
        }

        throw new CacheException($"The value at key '{key}' is not an integer, so it cannot be incremented or decremented.");
    }

    /// <summary>Reads a stored counter; a missing value counts as 0.</summary>
    /// <param name="key">The key, for the error message.</param>
    /// <param name="value">The stored bytes, or <see langword="null"/> if missing.</param>
    /// <returns>The counter's value.</returns>
    public static long Parse(string key, byte[]? value) => Parse(key, value is null ? default : value.AsSpan());

    /// <summary>Formats a counter as ASCII decimal bytes.</summary>
    /// <param name="value">The counter's value.</param>
    /// <returns>The bytes to store.</returns>
    public static byte[] Format(long value) => System.Text.Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
