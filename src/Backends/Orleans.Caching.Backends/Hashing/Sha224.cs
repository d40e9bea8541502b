using System.Buffers.Binary;
using System.Numerics;

namespace Orleans.Caching;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3): the SHA-256 compression function started from its own initial hash values, truncated to
/// 28 bytes. .NET has no SHA-224, and Flask-Caching accepts <c>sha224</c> as a hash method.
/// </summary>
internal static class Sha224
{
    /// <summary>The digest size in bytes.</summary>
    public const int HashSizeInBytes = 28;

    private const int BlockSize = 64;

    private static readonly uint[] s_initialHash =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    private static readonly uint[] s_roundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Computes the SHA-224 digest of <paramref name="data"/>.</summary>
    /// <param name="data">The input.</param>
    /// <returns>The 28-byte digest.</returns>
    public static byte[] HashData(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return HashData(data.AsSpan());
    }

    /// <summary>Computes the SHA-224 digest of <paramref name="data"/>.</summary>
    /// <param name="data">The input.</param>
    /// <returns>The 28-byte digest.</returns>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        Span<uint> state = stackalloc uint[8];
        s_initialHash.CopyTo(state);
        Span<uint> schedule = stackalloc uint[64];

        int whole = data.Length - (data.Length % BlockSize);
        for (int offset = 0; offset < whole; offset += BlockSize)
        {
            Compress(state, schedule, data.Slice(offset, BlockSize));
        }

        // Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian number.
        Span<byte> tail = stackalloc byte[BlockSize * 2];
        tail.Clear();
        ReadOnlySpan<byte> rest = data[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        int tailLength = rest.Length + 1 + 8 <= BlockSize ? BlockSize : BlockSize * 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(tailLength - 8, 8), (ulong)data.Length * 8);
        for (int offset = 0; offset < tailLength; offset += BlockSize)
        {
            Compress(state, schedule, tail.Slice(offset, BlockSize));
        }

        byte[] digest = new byte[HashSizeInBytes];
        for (int i = 0; i < HashSizeInBytes / 4; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4, 4), state[i]);
        }

        return digest;
    }

    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4, 4));
        }

        for (int t = 16; t < 64; t++)
        {
            uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = (e & f) ^ (~e & g);
            uint t1 = unchecked(h + bigSigma1 + choose + s_roundConstants[t] + w[t]);
            uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) ^ (a & c) ^ (b & c);
            uint t2 = unchecked(bigSigma0 + majority);
            h = g;
            g = f;
            f = e;
            e = unchecked(d + t1);
            d = c;
            c = b;
            b = a;
            a = unchecked(t1 + t2);
        }

        state[0] = unchecked(state[0] + a);
        state[1] = unchecked(state[1] + b);
        state[2] = unchecked(state[2] + c);
        state[3] = unchecked(state[3] + d);
        state[4] = unchecked(state[4] + e);
        state[5] = unchecked(state[5] + f);
        state[6] = unchecked(state[6] + g);
        state[7] = unchecked(state[7] + h);
    }
}
