using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>A read-only view of a parsed YAML value (mapping, sequence or scalar) with null-safe navigation for assertions.</summary>
internal readonly struct YamlNode
{
    private readonly object? _value;

    private YamlNode(object? value, string path)
    {
        _value = value;
        Path = path;
    }

    public string Path { get; }

    public bool Exists => _value is not null;

    public bool IsMapping => _value is IDictionary<object, object>;

    public string? Text => _value as string;

    public YamlNode this[string key]
        => _value is IDictionary<object, object> map && map.TryGetValue(key, out object? child)
            ? new YamlNode(child, Path + "." + key)
            : new YamlNode(null, Path + "." + key);

    public YamlNode this[int index]
        => _value is IList<object> list && index < list.Count ? new YamlNode(list[index], $"{Path}[{index}]") : new YamlNode(null, $"{Path}[{index}]");

    public IEnumerable<YamlNode> Items
    {
        get
        {
            string path = Path;
            return _value is IList<object> list ? list.Select((item, i) => new YamlNode(item, $"{path}[{i}]")) : [];
        }
    }

    public IEnumerable<KeyValuePair<string, YamlNode>> Entries
    {
        get
        {
            string path = Path;
            return _value is IDictionary<object, object> map
                ? map.Select(pair => new KeyValuePair<string, YamlNode>((string)pair.Key, new YamlNode(pair.Value, path + "." + pair.Key)))
                : [];
        }
    }

    public string RequiredText()
    {
        Assert.True(_value is string, $"{Path} should be a scalar.");
        return (string)_value!;
    }

    public int RequiredInt()
    {
        string text = RequiredText();
        Assert.True(int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out int value), $"{Path} = '{text}' should be an integer.");
        return value;
    }

    /// <summary>Parses every document of a YAML stream (merge keys <c>&lt;&lt;: *anchor</c> applied).</summary>
    public static IReadOnlyList<YamlNode> LoadAll(string text, string name)
    {
        IDeserializer deserializer = new DeserializerBuilder().Build();
        var parser = new MergingParser(new Parser(new StringReader(text)));
        var documents = new List<YamlNode>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            object? document = deserializer.Deserialize(parser);
            if (document is not null)
            {
                documents.Add(new YamlNode(document, $"{name}#{documents.Count}"));
            }
        }

        return documents;
    }

    public override string ToString() => $"{Path} = {_value}";
}
