using System.Globalization;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedGeneratorTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;

    public CachedGeneratorTests() => _cache = CachedTestCaches.Create(_clock);

    [Fact]
    public void Generator_of_timestamps_is_joined_and_then_served_from_the_cache()
    {
        CachedFunction<Func<IEnumerable<string>>> function = _cache.Cached<Func<IEnumerable<string>>>(
            () => Enumerable.Range(0, 3).Select(_ => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new CachedOptions { KeyPrefix = "gen" });

        string first = string.Concat(function.Invoke());
        _clock.Advance(10);
        string second = string.Concat(function.Invoke());

        Assert.Equal("170000000017000000001700000000", first);
        Assert.Equal(first, second);
        Assert.Single(function.Invoke());
    }

    [Fact]
    public void Yield_generator_of_strings_is_joined()
    {
        CachedFunction<Func<IEnumerable<string>>> function = _cache.Cached<Func<IEnumerable<string>>>(Paragraph, new CachedOptions { KeyPrefix = "p" });

        Assert.Equal(["<p>hello</p>"], function.Invoke());
        Assert.Equal(["<p>hello</p>"], function.Invoke());
    }

    [Fact]
    public void Generator_of_bytes_is_joined()
    {
        CachedFunction<Func<IEnumerable<byte[]>>> function = _cache.Cached<Func<IEnumerable<byte[]>>>(Chunks, new CachedOptions { KeyPrefix = "b" });

        Assert.Equal("<p>hello</p>"u8.ToArray(), Assert.Single(function.Invoke()));
        Assert.Equal("<p>hello</p>"u8.ToArray(), Assert.Single(function.Invoke()));
    }

    [Fact]
    public void Generator_of_other_types_stays_a_list()
    {
        int calls = 0;
        CachedFunction<Func<IEnumerable<int>>> function = _cache.Cached<Func<IEnumerable<int>>>(() =>
        {
            calls++;
            return Numbers();
        }, new CachedOptions { KeyPrefix = "n" });

        Assert.Equal([1, 2], function.Invoke());
        Assert.Equal([1, 2], function.Invoke());
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Generator_keyed_by_its_argument_is_joined_per_argument()
    {
        CachedFunction<Func<string, IEnumerable<string>>> gen = _cache.Cached<Func<string, IEnumerable<string>>>(
            Greeting, new CachedOptions { MakeCacheKey = invocation => "gen/" + invocation["prefix"] });

        Assert.Equal("ahello", Assert.Single(gen.Invoke("a")));
        Assert.Equal("ahello", Assert.Single(gen.Invoke("a")));
        Assert.Equal("bhello", Assert.Single(gen.Invoke("b")));
    }

    private static IEnumerable<string> Paragraph()
    {
        yield return "<p>";
        yield return "hello";
        yield return "</p>";
    }

    private static IEnumerable<byte[]> Chunks()
    {
        yield return "<p>"u8.ToArray();
        yield return "hello"u8.ToArray();
        yield return "</p>"u8.ToArray();
    }

    private static IEnumerable<int> Numbers()
    {
        yield return 1;
        yield return 2;
    }

    private static IEnumerable<string> Greeting(string prefix)
    {
        yield return prefix;
        yield return "hello";
    }
}
