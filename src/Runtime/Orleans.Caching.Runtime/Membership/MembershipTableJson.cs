using System.Globalization;
using System.Text.Json;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The JSON form of a whole membership table (the file provider's file):
/// <c>{"version":3,"silos":[{"silo":"127.0.0.1:11111@5","status":"Active","startTime":"…","iAmAliveTime":"…",
/// "siloName":"…","hostName":"…","suspicions":[{"suspecter":"…","time":"…"}]}]}</c>. Times are ISO 8601 round-trip text.
/// </summary>
internal static class MembershipTableJson
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = true };

    /// <summary>Writes a table as UTF-8 JSON.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Format(MembershipTableSnapshot table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", table.Version);
            writer.WriteStartArray("silos");
            foreach (MembershipEntry entry in table.Entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a table from UTF-8 JSON.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="source">Where the bytes came from, for the error message.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">The content is not a membership table.</exception>
    public static MembershipTableSnapshot Parse(byte[] content, string source)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            long version = root.GetProperty("version").GetInt64();
            var entries = new List<MembershipEntry>();
            foreach (JsonElement row in root.GetProperty("silos").EnumerateArray())
            {
                entries.Add(ReadEntry(row));
            }

            return new MembershipTableSnapshot(version, entries);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"The membership table file '{source}' is not valid: {exception.Message}", exception);
        }
    }

    private static void WriteEntry(Utf8JsonWriter writer, MembershipEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("silo", entry.Silo.ToString());
        writer.WriteString("status", entry.Status.ToString());
        writer.WriteString("startTime", entry.StartTime);
        writer.WriteString("iAmAliveTime", entry.IAmAliveTime);
        writer.WriteString("siloName", entry.SiloName);
        writer.WriteString("hostName", entry.HostName);
        writer.WriteStartArray("suspicions");
        foreach (SuspicionVote vote in entry.Suspicions)
        {
            writer.WriteStartObject();
            writer.WriteString("suspecter", vote.Suspecter.ToString());
            writer.WriteString("time", vote.Time);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static MembershipEntry ReadEntry(JsonElement row)
    {
        string statusText = row.GetProperty("status").GetString() ?? string.Empty;
        if (!Enum.TryParse(statusText, ignoreCase: false, out SiloStatus status) || !Enum.IsDefined(status) || int.TryParse(statusText, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"'{statusText}' is not a silo status.");
        }

        var votes = new List<SuspicionVote>();
        foreach (JsonElement vote in row.GetProperty("suspicions").EnumerateArray())
        {
            votes.Add(new SuspicionVote(SiloAddress.Parse(vote.GetProperty("suspecter").GetString()!), vote.GetProperty("time").GetDateTimeOffset()));
        }

        return new MembershipEntry
        {
            Silo = SiloAddress.Parse(row.GetProperty("silo").GetString()!),
            Status = status,
            StartTime = row.GetProperty("startTime").GetDateTimeOffset(),
            IAmAliveTime = row.GetProperty("iAmAliveTime").GetDateTimeOffset(),
            SiloName = OptionalString(row, "siloName"),
            HostName = OptionalString(row, "hostName"),
            Suspicions = votes,
        };
    }

    private static string? OptionalString(JsonElement row, string name)
        => row.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
