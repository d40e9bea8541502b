using System.Globalization;
using System.Text.Json;

namespace Orleans.Caching;

/// <summary>Expands the text forms of <c>Options</c> (a JSON object) and <c>Args</c> (a JSON array or a comma-separated list)
/// into configuration keys, as environment variables give them.</summary>
internal static class CacheConfigurationText
{
    private const string OptionsKey = "Options";
    private const string ArgsKey = "Args";

    public static void ExpandOptions(Dictionary<string, string?> layer, string sectionPath)
    {
        if (!layer.TryGetValue(OptionsKey, out string? text) || text is null)
        {
            return;
        }

        layer.Remove(OptionsKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            AddElement(layer, OptionsKey, document.RootElement);
        }
        catch (JsonException ex)
        {
            string key = FlaskConfigurationAliases.Describe(sectionPath, OptionsKey);
            throw new CacheConfigurationException(
                $"{sectionPath}:{OptionsKey}",
                $"{key} is '{text}': expected a configuration section or a JSON object such as {{\"threshold\": 7}}.",
                ex);
        }
    }

    public static void ExpandArgs(Dictionary<string, string?> layer)
    {
        if (!layer.TryGetValue(ArgsKey, out string? text) || text is null || layer.Keys.Any(k => k.StartsWith(ArgsKey + ":", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        string trimmed = text.Trim();
        List<string?> items;
        if (trimmed.StartsWith('['))
        {
            items = ParseJsonArray(trimmed);
        }
        else
        {
            items = trimmed.Length == 0 ? [] : [.. trimmed.Split(',', StringSplitOptions.TrimEntries)];
        }

        // An empty "Args" value stays as a marker meaning "explicitly no arguments", so it still replaces lower layers.
        if (items.Count == 0)
        {
            layer[ArgsKey] = string.Empty;
            return;
        }

        layer.Remove(ArgsKey);

        for (int i = 0; i < items.Count; i++)
        {
            layer[$"{ArgsKey}:{i.ToString(CultureInfo.InvariantCulture)}"] = items[i];
        }
    }

    private static List<string?> ParseJsonArray(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.EnumerateArray().Select(ToText).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new CacheConfigurationException(
                $"{CacheConfigurationNormalizer.SectionName}:{ArgsKey}",
                $"{FlaskConfigurationAliases.Describe(CacheConfigurationNormalizer.SectionName, ArgsKey)} is '{text}': expected a section array, a JSON array such as [\"/tmp/cache\"] or a comma-separated list.",
                ex);
        }
    }

    private static void AddElement(Dictionary<string, string?> layer, string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    AddElement(layer, path + ":" + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AddElement(layer, path + ":" + index.ToString(CultureInfo.InvariantCulture), item);
                    index++;
                }

                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                layer[path] = ToText(element);
                break;
        }
    }

    private static string? ToText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
