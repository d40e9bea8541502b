using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Orleans.Caching;

/// <summary>
/// Turns the forms Flask-Caching accepts for <c>query_args</c> into (name, value) pairs: a query string (leading <c>?</c>
/// stripped, percent-encoding and <c>+</c> decoded, blank values kept), pairs (<see cref="KeyValuePair{TKey, TValue}"/>,
/// tuples, <see cref="DictionaryEntry"/>), a dictionary, or any other object's public properties (an anonymous object).
/// Values that are not strings are written with the invariant culture; <see langword="null"/> is <c>None</c>, as Python's
/// <c>str</c> writes it; a value that is a sequence (not a string) yields one pair per item, like a multi-dict.
/// </summary>
internal static class CachedQueryArguments
{
    /// <summary>Normalizes query arguments to pairs.</summary>
    /// <param name="queryArgs">The arguments in any supported form.</param>
    /// <returns>The pairs in the order given.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> ToPairs(object queryArgs)
    {
        ArgumentNullException.ThrowIfNull(queryArgs);
        switch (queryArgs)
        {
            case string text:
                return ParseQueryString(text);
            case IEnumerable<KeyValuePair<string, string>> typed:
                return typed.ToList();
            case IDictionary dictionary:
                var fromDictionary = new List<KeyValuePair<string, string>>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    AddPair(fromDictionary, entry.Key, entry.Value);
                }

                return fromDictionary;
            case IEnumerable sequence:
                var fromSequence = new List<KeyValuePair<string, string>>();
                foreach (object? item in sequence)
                {
                    (object? name, object? value) = Deconstruct(item);
                    AddPair(fromSequence, name, value);
                }

                return fromSequence;
            default:
                var fromProperties = new List<KeyValuePair<string, string>>();
                foreach (PropertyInfo property in queryArgs.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0)
                    {
                        AddPair(fromProperties, property.Name, property.GetValue(queryArgs));
                    }
                }

                return fromProperties;
        }
    }

    /// <summary>Parses a query string as Python's <c>parse_qsl(text, keep_blank_values=True)</c> does.</summary>
    /// <param name="queryString">The query string, with or without its leading <c>?</c>.</param>
    /// <returns>The pairs in order.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQueryString(string queryString)
    {
        ArgumentNullException.ThrowIfNull(queryString);
        string text = queryString.StartsWith('?') ? queryString[1..] : queryString;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? part : part[..equals];
            string value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    /// <summary>Writes a value as Python's <c>str</c> would for the common types, with the invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Stringify(object? value) => value switch
    {
        null => "None",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static void AddPair(List<KeyValuePair<string, string>> pairs, object? name, object? value)
    {
        string key = Stringify(name);
        if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                pairs.Add(new(key, Stringify(item)));
            }

            return;
        }

        pairs.Add(new(key, Stringify(value)));
    }

    private static (object? Name, object? Value) Deconstruct(object? item)
    {
        switch (item)
        {
            case DictionaryEntry entry:
                return (entry.Key, entry.Value);
            case ITuple { Length: 2 } tuple:
                return (tuple[0], tuple[1]);
            case not null when item.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>):
                return (type.GetProperty("Key")!.GetValue(item), type.GetProperty("Value")!.GetValue(item));
            default:
                throw new ArgumentException(
                    $"Query arguments given as a sequence must hold (name, value) pairs; found {item?.GetType().FullName ?? "null"}.", "queryArgs");
        }
    }
}
