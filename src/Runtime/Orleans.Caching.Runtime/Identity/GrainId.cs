namespace Orleans.Caching.Runtime;

/// <summary>
/// The identity of a grain: its <see cref="GrainType"/> and a string key. Every cache key and every memoized function's
/// version key is one grain. The <see cref="UniformHash"/> is stable across processes and machines, so clients and silos
/// agree on placement.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    /// <summary>Initializes a new instance of the <see cref="GrainId"/> struct.</summary>
    /// <param name="type">The grain type.</param>
    /// <param name="key">The key; any string, empty included.</param>
    public GrainId(GrainType type, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (type.Name is null)
        {
            throw new ArgumentException("The grain type is not initialized.", nameof(type));
        }

        Type = type;
        Key = key;
        UniformHash = StableHash.Combine(type.NameHash, StableHash.Hash(key));
    }

    /// <summary>Gets the grain type.</summary>
    public GrainType Type { get; }

    /// <summary>Gets the key.</summary>
    public string Key { get; }

    /// <summary>Gets the stable 64-bit hash of type and key, the same in every process.</summary>
    public ulong UniformHash { get; }

    /// <summary>Creates a grain identity.</summary>
    /// <param name="type">The grain type name.</param>
    /// <param name="key">The key.</param>
    /// <returns>The identity.</returns>
    public static GrainId Create(string type, string key) => new(new GrainType(type), key);

    /// <inheritdoc/>
    public bool Equals(GrainId other) => UniformHash == other.UniformHash && Type == other.Type && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)UniformHash ^ (int)(UniformHash >> 32);

    /// <inheritdoc/>
    public override string ToString() => $"{Type.Name}/{Key}";

    /// <summary>Compares two identities.</summary>
    /// <param name="left">The first identity.</param>
    /// <param name="right">The second identity.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    /// <summary>Compares two identities.</summary>
    /// <param name="left">The first identity.</param>
    /// <param name="right">The second identity.</param>
    /// <returns><see langword="true"/> if different.</returns>
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
