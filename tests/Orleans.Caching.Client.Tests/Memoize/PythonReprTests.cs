namespace Orleans.Caching.Tests.Memoize;

public sealed class PythonReprTests
{
    [Theory]
    [InlineData(null, "None")]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    [InlineData(42, "42")]
    [InlineData(-7L, "-7")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    [InlineData(1.5f, "1.5")]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("a\\b\n\t\r\u0001", "'a\\\\b\\n\\t\\r\\x01'")]
    [InlineData("æøå", "'æøå'")]
    [InlineData("\u200b", "'\\u200b'")]
    [InlineData('c', "'c'")]
    public void Scalars_are_formatted_like_python_repr(object? value, string expected)
        => Assert.Equal(expected, PythonRepr.Format(value));

    [Fact]
    public void Containers_are_formatted_like_python_repr()
    {
        Assert.Equal("b\"ab\\x00'\"", PythonRepr.Format(new byte[] { (byte)'a', (byte)'b', 0, (byte)'\'' }));
        Assert.Equal("b'\\'\"'", PythonRepr.Format(new byte[] { (byte)'\'', (byte)'"' }));
        Assert.Equal("[1, 'a', None]", PythonRepr.Format(new List<object?> { 1, "a", null }));
        Assert.Equal("[1, 2]", PythonRepr.Format(new[] { 1, 2 }));
        Assert.Equal("(1,)", PythonRepr.FormatTuple([1]));
        Assert.Equal("()", PythonRepr.FormatTuple([]));
        Assert.Equal("(1, 'x')", PythonRepr.Format((1, "x")));
        Assert.Equal("{'b': 1, 'a': [2]}", PythonRepr.Format(new Dictionary<string, object> { ["b"] = 1, ["a"] = new[] { 2 } }));
        Assert.Equal("{'k': 1}", PythonRepr.Format(new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(new Dictionary<string, int> { ["k"] = 1 })));
        Assert.Equal("set()", PythonRepr.Format(new HashSet<int>()));
        Assert.Equal("{3}", PythonRepr.Format(new HashSet<int> { 3 }));
        Assert.Equal("Decimal('1.50')", PythonRepr.Format(1.50m));
        Assert.Equal("OrderedDict()", PythonRepr.FormatOrderedDict([]));
        Assert.Equal("OrderedDict([('d', 5), ('e', 8)])", PythonRepr.FormatOrderedDict([new("d", 5), new("e", 8)]));
    }

    [Fact]
    public void Other_objects_are_formatted_as_their_identity()
    {
        var widget = new Widget();
        Assert.Equal(CachingIdentity.Of(widget), PythonRepr.Format(widget));
        Assert.Equal("Adder(3)", PythonRepr.Format(new NamedAdder(3)));
        Assert.Equal("<class 'Orleans.Caching.Tests.Memoize.Mock'>", PythonRepr.Format(typeof(Mock)));
        Assert.Equal("System.DayOfWeek.Monday", PythonRepr.Format(DayOfWeek.Monday));
    }
}
