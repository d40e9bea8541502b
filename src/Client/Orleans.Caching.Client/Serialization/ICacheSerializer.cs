namespace Orleans.Caching;

/// <summary>Turns values into the bytes a backend stores and back (<c>CACHE_SERIALIZER</c>).</summary>
/// <remarks>Implementations must be thread-safe. A value that cannot be serialized raises <see cref="CacheSerializationException"/>.</remarks>
public interface ICacheSerializer
{
    /// <summary>Serializes a value.</summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The declared type of the value.</param>
    /// <returns>The bytes to store.</returns>
    byte[] Serialize(object? value, Type type);

    /// <summary>Deserializes stored bytes.</summary>
    /// <param name="data">The stored bytes.</param>
    /// <param name="type">The type to produce; <see cref="object"/> asks for natural .NET values (string, long, double, bool, lists, dictionaries).</param>
    /// <returns>The value; may be <see langword="null"/>.</returns>
    object? Deserialize(ReadOnlySpan<byte> data, Type type);
}
