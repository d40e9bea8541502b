namespace Orleans.Caching.Tests.Cached;

public sealed class QueryPairsTextTests
{
    [Fact]
    public void No_pairs_is_an_empty_tuple() => Assert.Equal("()", QueryPairsText.Format([]));

    [Fact]
    public void One_pair_is_a_one_tuple_with_a_trailing_comma()
        => Assert.Equal("(('a', '1'),)", QueryPairsText.Format([new("a", "1")]));

    [Fact]
    public void Several_pairs_are_written_in_order()
        => Assert.Equal("(('a', '0'), ('a', '1'), ('b', '2'))", QueryPairsText.Format([new("a", "0"), new("a", "1"), new("b", "2")]));

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("", "''")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("line\nbreak\ttab\rreturn", "'line\\nbreak\\ttab\\rreturn'")]
    [InlineData("\u0001\u007f", "'\\x01\\x7f'")]
    [InlineData("caf\u00e9", "'caf\u00e9'")]
    [InlineData("nb\u00a0sp", "'nb\\xa0sp'")]
    [InlineData("zero\u200bwidth", "'zero\\u200bwidth'")]
    public void Strings_are_written_as_python_repr(string value, string expected)
        => Assert.Equal(expected, QueryPairsText.Repr(value));
}
