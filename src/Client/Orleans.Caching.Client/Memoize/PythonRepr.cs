using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Orleans.Caching;

/// <summary>
/// Formats values the way Python's <c>repr</c> does, so memoize keys are built from the same text as Flask-Caching's:
/// <c>None</c>, <c>True</c>/<c>False</c>, integers, floats (<c>1.0</c>, <c>1e+16</c>, <c>inf</c>), strings in single quotes with
/// Python's escapes, <c>b'...'</c> bytes, <c>[1, 2]</c> lists, <c>(1,)</c> tuples, <c>{'a': 1}</c> dictionaries (insertion order),
/// <c>{1, 2}</c> sets; any other object is its identity token (see <see cref="CachingIdentity"/>).
/// </summary>
internal static partial class PythonRepr
{
    /// <summary>Formats one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its Python-style text.</returns>
    public static string Format(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>Formats a positional tuple: <c>()</c>, <c>(1,)</c>, <c>(1, 2)</c>.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The text.</returns>
    public static string FormatTuple(IReadOnlyList<object?> items)
    {
        var builder = new StringBuilder();
        AppendTuple(builder, items);
        return builder.ToString();
    }

    /// <summary>Formats leftover keyword arguments as Flask-Caching's <c>OrderedDict</c>: <c>OrderedDict()</c> or <c>OrderedDict([('d', 5), ('e', 8)])</c>.</summary>
    /// <param name="items">The arguments, already in order.</param>
    /// <returns>The text.</returns>
    public static string FormatOrderedDict(IReadOnlyList<KeyValuePair<string, object?>> items)
    {
        if (items.Count == 0)
        {
            return "OrderedDict()";
        }

        var builder = new StringBuilder("OrderedDict([");
        for (int i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "(" : ", (");
            AppendString(builder, items[i].Key);
            builder.Append(", ");
            Append(builder, items[i].Value);
            builder.Append(')');
        }

        return builder.Append("])").ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                return;
            case bool flag:
                builder.Append(flag ? "True" : "False");
                return;
            case string text:
                AppendString(builder, text);
                return;
            case char character:
                AppendString(builder, character.ToString());
                return;
            case byte[] bytes:
                AppendBytes(builder, bytes);
                return;
            case sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or BigInteger or Int128 or UInt128:
                builder.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return;
            case double number:
                builder.Append(FormatFloat(number, number.ToString("R", CultureInfo.InvariantCulture)));
                return;
            case float number:
                builder.Append(FormatFloat(number, number.ToString("R", CultureInfo.InvariantCulture)));
                return;
            case Half number:
                builder.Append(FormatFloat((double)number, number.ToString(CultureInfo.InvariantCulture)));
                return;
            case decimal number:
                builder.Append("Decimal('").Append(number.ToString(CultureInfo.InvariantCulture)).Append("')");
                return;
            case ITuple tuple:
                var items = new object?[tuple.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = tuple[i];
                }

                AppendTuple(builder, items);
                return;
            case IDictionary dictionary:
                AppendDictionary(builder, Entries(dictionary));
                return;
        }

        if (TryGetReadOnlyDictionary(value, out IEnumerable<KeyValuePair<object?, object?>>? pairs))
        {
            AppendDictionary(builder, pairs);
            return;
        }

        if (IsSet(value.GetType()))
        {
            List<object?> members = ((IEnumerable)value).Cast<object?>().ToList();
            if (members.Count == 0)
            {
                builder.Append("set()");
                return;
            }

            AppendSequence(builder, members, '{', '}');
            return;
        }

        if (value is ICollection or IList || IsReadOnlyCollection(value.GetType()))
        {
            AppendSequence(builder, ((IEnumerable)value).Cast<object?>(), '[', ']');
            return;
        }

        builder.Append(CachingIdentity.Of(value));
    }

    private static void AppendTuple(StringBuilder builder, IReadOnlyList<object?> items)
    {
        builder.Append('(');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, items[i]);
        }

        builder.Append(items.Count == 1 ? ",)" : ")");
    }

    private static void AppendSequence(StringBuilder builder, IEnumerable<object?> items, char open, char close)
    {
        builder.Append(open);
        bool first = true;
        foreach (object? item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Append(builder, item);
        }

        builder.Append(close);
    }

    private static void AppendDictionary(StringBuilder builder, IEnumerable<KeyValuePair<object?, object?>> pairs)
    {
        builder.Append('{');
        bool first = true;
        foreach (KeyValuePair<object?, object?> pair in pairs)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Append(builder, pair.Key);
            builder.Append(": ");
            Append(builder, pair.Value);
        }

        builder.Append('}');
    }

    private static IEnumerable<KeyValuePair<object?, object?>> Entries(IDictionary dictionary)
    {
        IDictionaryEnumerator entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return new KeyValuePair<object?, object?>(entries.Key, entries.Value);
        }
    }

    private static bool TryGetReadOnlyDictionary(object value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<KeyValuePair<object?, object?>>? pairs)
    {
        Type? contract = value.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (contract is null)
        {
            pairs = null;
            return false;
        }

        Type pairType = typeof(KeyValuePair<,>).MakeGenericType(contract.GetGenericArguments());
        var key = pairType.GetProperty(nameof(KeyValuePair<int, int>.Key))!;
        var item = pairType.GetProperty(nameof(KeyValuePair<int, int>.Value))!;
        pairs = ((IEnumerable)value).Cast<object>().Select(p => new KeyValuePair<object?, object?>(key.GetValue(p), item.GetValue(p)));
        return true;
    }

    private static bool IsSet(Type type)
        => type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    private static bool IsReadOnlyCollection(Type type)
        => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>));
}
