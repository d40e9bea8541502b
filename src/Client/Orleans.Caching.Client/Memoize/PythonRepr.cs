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
internal static class PythonRepr
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

    private static void AppendString(StringBuilder builder, string text)
    {
        char quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        builder.Append(quote);
        foreach (Rune rune in text.EnumerateRunes())
        {
            int code = rune.Value;
            if (code == quote || code == '\\')
            {
                builder.Append('\\').Append((char)code);
            }
            else if (code == '\n')
            {
                builder.Append("\\n");
            }
            else if (code == '\r')
            {
                builder.Append("\\r");
            }
            else if (code == '\t')
            {
                builder.Append("\\t");
            }
            else if (IsPrintable(rune))
            {
                builder.Append(rune.ToString());
            }
            else if (code < 0x100)
            {
                builder.Append("\\x").Append(code.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (code < 0x10000)
            {
                builder.Append("\\u").Append(code.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\U").Append(code.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        builder.Append(quote);
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static void AppendBytes(StringBuilder builder, byte[] bytes)
    {
        char quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        builder.Append('b').Append(quote);
        foreach (byte b in bytes)
        {
            if (b == quote || b == '\\')
            {
                builder.Append('\\').Append((char)b);
            }
            else if (b == '\n')
            {
                builder.Append("\\n");
            }
            else if (b == '\r')
            {
                builder.Append("\\r");
            }
            else if (b == '\t')
            {
                builder.Append("\\t");
            }
            else if (b is >= 0x20 and < 0x7f)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        builder.Append(quote);
    }

    /// <summary>Python's float repr: shortest round-trip digits, fixed notation for exponents in [-4, 16), else <c>1e+16</c>.</summary>
    private static string FormatFloat(double value, string roundTrip)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        bool negative = roundTrip.StartsWith('-');
        string body = negative ? roundTrip[1..] : roundTrip;
        int exponentAt = body.IndexOfAny(['E', 'e']);
        string mantissa = exponentAt < 0 ? body : body[..exponentAt];
        int exponent = exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        pointPosition -= leadingZeros;
        int decimalExponent = pointPosition - 1;
        string sign = negative ? "-" : string.Empty;
        if (decimalExponent is >= -4 and < 16)
        {
            if (pointPosition <= 0)
            {
                return sign + "0." + new string('0', -pointPosition) + digits;
            }

            if (pointPosition >= digits.Length)
            {
                return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
            }

            return sign + digits[..pointPosition] + "." + digits[pointPosition..];
        }

        string scientific = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        string exponentText = Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
        return sign + scientific + "e" + (decimalExponent < 0 ? "-" : "+") + exponentText;
    }
}
