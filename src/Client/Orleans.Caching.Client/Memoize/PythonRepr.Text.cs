using System.Globalization;
using System.Text;

namespace Orleans.Caching;

/// <summary>Python's repr of text and numbers: quoted and escaped strings and bytes, shortest round-trip floats.</summary>
internal static partial class PythonRepr
{
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
