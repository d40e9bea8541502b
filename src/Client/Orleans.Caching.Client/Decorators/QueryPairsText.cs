namespace Orleans.Caching;

/// <summary>
/// Writes query pairs as Python's <c>str()</c> of a tuple of 2-tuples of strings, the text Flask-Caching hashes for
/// <c>query_string</c> keys: <c>(('a', '0'), ('a', '1'))</c>, a single pair <c>(('a', '1'),)</c>, none <c>()</c>.
/// The quoting and escaping are <see cref="PythonRepr"/>'s, the same as memoize keys use.
/// </summary>
internal static class QueryPairsText
{
    /// <summary>Formats the pairs in the order given.</summary>
    /// <param name="pairs">The (name, value) pairs.</param>
    /// <returns>The tuple text.</returns>
    public static string Format(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var items = new object?[pairs.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = (pairs[i].Key, pairs[i].Value);
        }

        return PythonRepr.FormatTuple(items);
    }

    /// <summary>Python's <c>repr</c> of a string.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The quoted, escaped text.</returns>
    public static string Repr(string value) => PythonRepr.Format(value);
}
