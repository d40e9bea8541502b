using System.Security.Cryptography;
using System.Text;

namespace Orleans.Caching.Memcached.Protocol;

/// <summary>
/// Turns a full cache key (prefix included) into the bytes sent to memcached. A key memcached cannot store as is — over
/// <see cref="MaxLength"/> UTF-8 bytes, or holding a space, a control character or DEL — is replaced by
/// <c>sha256:</c> followed by the 64 lower-case hex digits of the SHA-256 of its UTF-8 bytes (71 bytes). Every other key is sent as its UTF-8 bytes.
/// </summary>
/// <remarks>Flask-Caching makes such keys miss (<c>get</c> returns <c>None</c>, <c>set</c> fails); hashing them lets every key work. A
/// stored key that literally starts with <c>sha256:</c> and 64 hex digits could only collide with a hashed key by a SHA-256 preimage.</remarks>
internal static class MemcachedKey
{
    /// <summary>The longest key memcached accepts, in bytes.</summary>
    public const int MaxLength = 250;

    /// <summary>The prefix of a hashed key.</summary>
    public const string HashedPrefix = "sha256:";

    /// <summary>Encodes a full key.</summary>
    /// <param name="key">The full key.</param>
    /// <returns>The key's bytes on the wire.</returns>
    public static byte[] Encode(string key)
    {
        int count = Encoding.UTF8.GetByteCount(key);
        byte[] bytes = new byte[count];
        Encoding.UTF8.GetBytes(key, bytes);
        return IsValid(bytes) ? bytes : Hash(bytes);
    }

    /// <summary>Tells whether memcached accepts these key bytes as they are.</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns><see langword="true"/> if the key is 1 to 250 bytes without spaces or control characters.</returns>
    public static bool IsValid(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty || key.Length > MaxLength)
        {
            return false;
        }

        foreach (byte b in key)
        {
            if (b <= 0x20 || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Hash(ReadOnlySpan<byte> key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, digest);
        return Encoding.ASCII.GetBytes(HashedPrefix + Convert.ToHexStringLower(digest));
    }
}
