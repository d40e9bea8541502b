using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Hashes that are the same in every process, machine and .NET version (unlike <see cref="string.GetHashCode()"/>):
/// XXH64 over UTF-8 bytes, and a 64-bit finalizer to combine hashes.
/// </summary>
public static class StableHash
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;
    private const int StackLimit = 256;

    /// <summary>Computes XXH64 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong Hash(string text, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            int length = Encoding.UTF8.GetBytes(text, buffer);
            return XxHash64(buffer[..length], seed);
        }

        return XxHash64(Encoding.UTF8.GetBytes(text), seed);
    }

    /// <summary>Computes XXH64 (the xxHash 64-bit algorithm, version 0.8 output) of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong XxHash64(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        int length = data.Length;
        int offset = 0;
        ulong hash;
        if (length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2;
            ulong v2 = seed + Prime2;
            ulong v3 = seed;
            ulong v4 = seed - Prime1;
            while (offset <= length - 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(offset + 24)..]));
                offset += 32;
            }

            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = MergeRound(hash, v1);
            hash = MergeRound(hash, v2);
            hash = MergeRound(hash, v3);
            hash = MergeRound(hash, v4);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (ulong)length;
        while (offset <= length - 8)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]));
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
            offset += 8;
        }

        if (offset <= length - 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
            offset += 4;
        }

        while (offset < length)
        {
            hash ^= data[offset] * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            offset++;
        }

        return Avalanche(hash);
    }

    /// <summary>Combines two hashes into one well-mixed 64-bit value (order matters).</summary>
    /// <param name="first">The first hash.</param>
    /// <param name="second">The second hash.</param>
    /// <returns>The combined hash.</returns>
    public static ulong Combine(ulong first, ulong second) => Mix(first ^ Mix(second + Prime5));

    /// <summary>The 64-bit finalizer of MurmurHash3: every input bit affects every output bit.</summary>
    /// <param name="value">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53UL;
        value ^= value >> 33;
        return value;
    }

    private static ulong Round(ulong accumulator, ulong input)
    {
        accumulator += input * Prime2;
        accumulator = BitOperations.RotateLeft(accumulator, 31);
        return accumulator * Prime1;
    }

    private static ulong MergeRound(ulong accumulator, ulong value)
    {
        accumulator ^= Round(0, value);
        return (accumulator * Prime1) + Prime4;
    }

    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }
}
