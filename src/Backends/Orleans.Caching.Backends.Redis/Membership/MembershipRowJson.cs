using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Backends.Redis;

/// <summary>One membership row as JSON (System.Text.Json, camelCase, silo addresses in their text form <c>127.0.0.1:11111@5</c>).</summary>
internal static class MembershipRowJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new SiloAddressConverter(), new JsonStringEnumConverter() },
    };

    public static string Format(MembershipEntry entry) => JsonSerializer.Serialize(entry, s_options);

    public static MembershipEntry Parse(string json, string key, string field)
    {
        try
        {
            return JsonSerializer.Deserialize<MembershipEntry>(json, s_options)
                ?? throw new JsonException("the row is null");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or NotSupportedException)
        {
            throw new CacheException($"The membership row '{field}' of Redis hash '{key}' is not valid JSON for a membership entry: {exception.Message}", exception);
        }
    }

    private sealed class SiloAddressConverter : JsonConverter<SiloAddress>
    {
        public override SiloAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => SiloAddress.Parse(reader.GetString() ?? throw new JsonException("A silo address is null."));

        public override void Write(Utf8JsonWriter writer, SiloAddress value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.ToString());
    }
}
