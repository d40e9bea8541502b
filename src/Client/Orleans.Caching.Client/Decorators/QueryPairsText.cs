using System.Globalization;
using System.Text;

namespace Orleans.Caching;

/// <summary>
/// Writes query pairs as Python's <c>str()</c> of a tuple of 2-tuples of strings, the text Flask-Caching hashes for
/// <c>query_string</c> keys: <c>(('a', '0'), ('a', '1'))</c>, a single pair <c>(('a', '1'),)</c>, none <c>()</c>.
/// Strings follow Python's <c>repr</c>: single quotes unless the text holds a single quote and no double quote,
/// backslash escapes for <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and the quote, <c>\xNN</c>/<c>\uNNNN</c>/<c>\UNNNNNNNN</c>
/// for characters Python does not print.
/// </summary>
internal static class QueryPairsText
{
    /// <summary>Formats the pairs in the order given.</summary>
    /// <param name="pairs">The (name, value) pairs.</param>
    /// <returns>The tuple text.</returns>
    public static string Format(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder("(");
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append('(');
            AppendRepr(text, pairs[i].Key);
            text.Append(", ");
            AppendRepr(text, pairs[i].Value);
            text.Append(')');
        }

        if (pairs.Count == 1)
        {
            text.Append(',');
        }

        return text.Append(')').ToString();
    }

    /// <summary>Python's <c>repr</c> of a string.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The quoted, escaped text.</returns>
    public static string Repr(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendRepr(text, value);
        return text.ToString();
    }

    private static void AppendRepr(StringBuilder text, string value)
    {
        char quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        foreach (Rune rune in value.EnumerateRunes())
        {
            int code = rune.Value;
            switch (code)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '\r':
                    text.Append(@"\r");
                    break;
                case '\t':
                    text.Append(@"\t");
                    break;
                default:
                    if (code == quote)
                    {
                        text.Append('\\').Append(quote);
                    }
                    else if (IsPrintable(rune))
                    {
                        text.Append(rune.ToString());
                    }
                    else if (code <= 0xFF)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\x{code:x2}");
                    }
                    else if (code <= 0xFFFF)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{code:x4}");
                    }
                    else
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\U{code:x8}");
                    }

                    break;
            }
        }

        text.Append(quote);
    }

    // Python's str.isprintable: everything except the "Other" and "Separator" categories, the ASCII space excepted.
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
}
