using System.Security.Cryptography;

namespace Orleans.Caching;

/// <summary>
/// A named hash function for cache keys and file names (Flask-Caching's <c>hash_method</c>,
/// <c>CACHE_HASH_METHOD</c> and <c>CACHE_FILE_HASH_METHOD</c>).
/// </summary>
public sealed class CacheHashMethod
{
    private readonly Func<byte[], byte[]> _hash;

    /// <summary>Initializes a new instance of the <see cref="CacheHashMethod"/> class.</summary>
    /// <param name="name">The name configuration uses (<c>"sha256"</c>).</param>
    /// <param name="hash">Computes the digest of its input.</param>
    public CacheHashMethod(string name, Func<byte[], byte[]> hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(hash);
        Name = name;
        _hash = hash;
    }

    /// <summary>Gets SHA-1.</summary>
    public static CacheHashMethod Sha1 { get; } = new("sha1", SHA1.HashData);

    /// <summary>Gets SHA-224 (computed by this library; .NET has no built-in SHA-224).</summary>
    public static CacheHashMethod Sha224 { get; } = new("sha224", Orleans.Caching.Sha224.HashData);

    /// <summary>Gets SHA-256, the default.</summary>
    public static CacheHashMethod Sha256 { get; } = new("sha256", SHA256.HashData);

    /// <summary>Gets SHA-384.</summary>
    public static CacheHashMethod Sha384 { get; } = new("sha384", SHA384.HashData);

    /// <summary>Gets SHA-512.</summary>
    public static CacheHashMethod Sha512 { get; } = new("sha512", SHA512.HashData);

    /// <summary>Gets MD5 (not for FIPS environments).</summary>
    public static CacheHashMethod Md5 { get; } = new("md5", MD5.HashData);

    /// <summary>Gets every built-in hash method (Flask-Caching's <c>SUPPORTED_HASH_FUNCTIONS</c>).</summary>
    public static IReadOnlyList<CacheHashMethod> All { get; } = [Sha1, Sha224, Sha256, Sha384, Sha512, Md5];

    /// <summary>Gets the name configuration uses.</summary>
    public string Name { get; }

    /// <summary>Computes the digest of <paramref name="data"/>.</summary>
    /// <param name="data">The input.</param>
    /// <returns>The raw digest.</returns>
    public byte[] ComputeHash(byte[] data) => _hash(data);

    /// <summary>Computes the lower-case hexadecimal digest of <paramref name="data"/>.</summary>
    /// <param name="data">The input.</param>
    /// <returns>The hex digest.</returns>
    public string ComputeHexDigest(byte[] data) => Convert.ToHexStringLower(_hash(data));

    /// <summary>Finds a built-in hash method by name (case-insensitive).</summary>
    /// <param name="name">The name, such as <c>"sha256"</c>.</param>
    /// <returns>The hash method.</returns>
    /// <exception cref="ArgumentException">No hash method has that name; the message lists the known ones.</exception>
    public static CacheHashMethod FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (CacheHashMethod method in All)
        {
            if (string.Equals(method.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        throw new ArgumentException($"Unknown hash method '{name}'. Known hash methods: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
