using System.Text.Json;

namespace Orleans.Caching;

/// <summary>
/// The default serializer: System.Text.Json. Reading as <see cref="object"/> yields natural .NET values
/// (<see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <c>List&lt;object?&gt;</c>,
/// <c>Dictionary&lt;string, object?&gt;</c>), so untyped reads behave like Flask-Caching's.
/// </summary>
public sealed class JsonCacheSerializer : ICacheSerializer
{
    /// <summary>Initializes a new instance of the <see cref="JsonCacheSerializer"/> class with web defaults.</summary>
    public JsonCacheSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.General))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonCacheSerializer"/> class.</summary>
    /// <param name="options">The System.Text.Json options to use.</param>
    public JsonCacheSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>Gets the System.Text.Json options in use.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc/>
    public byte[] Serialize(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? type, Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new CacheSerializationException($"A value of type {(value?.GetType() ?? type).FullName} cannot be serialized to JSON: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public object? Deserialize(ReadOnlySpan<byte> data, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            if (type == typeof(object))
            {
                using JsonDocument document = JsonDocument.Parse(data.ToArray());
                return ToNatural(document.RootElement);
            }

            var reader = new Utf8JsonReader(data);
            return JsonSerializer.Deserialize(ref reader, type, Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new CacheSerializationException($"The stored bytes cannot be read as {type.FullName}: {ex.Message}", ex);
        }
    }

    private static object? ToNatural(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out long integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToNatural).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToNatural(p.Value), StringComparer.Ordinal),
        _ => null,
    };
}
