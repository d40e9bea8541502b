namespace Orleans.Caching.Runtime;

/// <summary>The kind of a grain (<c>"cache-entry"</c>, <c>"memoize-version"</c>): with a key it forms a <see cref="GrainId"/>.</summary>
public readonly record struct GrainType
{
    /// <summary>Initializes a new instance of the <see cref="GrainType"/> struct.</summary>
    /// <param name="name">The type name: non-empty, at most 128 characters, no control characters.</param>
    public GrainType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 128 || name.Any(char.IsControl))
        {
            throw new ArgumentException($"A grain type name must be at most 128 characters without control characters: '{name}'.", nameof(name));
        }

        Name = name;
        NameHash = StableHash.Hash(name);
    }

    /// <summary>Gets the type name.</summary>
    public string Name { get; }

    /// <summary>Gets the stable hash of <see cref="Name"/>, computed once (every <see cref="GrainId"/> of the type combines it with its key's hash).</summary>
    public ulong NameHash { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
