using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedDeleteTests
{
    private readonly Cache _cache = CachedTestCaches.Create(new FakeTimeProvider());
    private int _calls;

    [Theory]
    [InlineData("?limit=15&mock=true&offset=20")]
    [InlineData("offset=20&limit=15&mock=true")]
    public void Query_arguments_accept_a_query_string(string query)
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });

        Assert.Equal(KeyInRequest(works, "/works?mock=true&offset=20&limit=15"), works.GetCacheKeyForPath("/works", query));
    }

    [Fact]
    public void Query_arguments_accept_dictionaries_pairs_tuples_and_anonymous_objects()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string expected = KeyInRequest(works, "/works?mock=true&offset=20&limit=15");

        Assert.Equal(expected, works.GetCacheKeyForPath("/works", new Dictionary<string, object> { ["offset"] = 20, ["limit"] = 15, ["mock"] = "true" }));
        Assert.Equal(expected, works.GetCacheKeyForPath("/works", new[] { KeyValuePair.Create("limit", "15"), KeyValuePair.Create("mock", "true"), KeyValuePair.Create("offset", "20") }));
        Assert.Equal(expected, works.GetCacheKeyForPath("/works", new (string, object)[] { ("limit", 15), ("mock", "true"), ("offset", 20) }));
        Assert.Equal(expected, works.GetCacheKeyForPath("/works", new { offset = 20, limit = 15, mock = "true" }));
    }

    [Fact]
    public void Query_strings_are_decoded_and_keep_blank_values()
    {
        Assert.Equal(
            [KeyValuePair.Create("a b", "c&d"), KeyValuePair.Create("empty", string.Empty), KeyValuePair.Create("flag", string.Empty)],
            CachedQueryArguments.ParseQueryString("?a+b=c%26d&empty=&flag"));
    }

    [Fact]
    public void Sequence_values_in_a_mapping_become_repeated_pairs()
    {
        Assert.Equal(
            [KeyValuePair.Create("user[]", "123"), KeyValuePair.Create("user[]", "124")],
            CachedQueryArguments.ToPairs(new Dictionary<string, int[]> { ["user[]"] = [123, 124] }));
    }

    [Fact]
    public async Task Delete_cached_removes_the_entry_of_a_path_and_query_string()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string first = Get(works, "/works?mock=true&offset=20&limit=15");

        Assert.True(await _cache.DeleteCachedAsync(works, "/works", "limit=15&mock=true&offset=20"));

        Assert.NotEqual(first, Get(works, "/works?mock=true&offset=20&limit=15"));
    }

    [Fact]
    public async Task Delete_cached_accepts_a_mapping_with_values_that_are_not_strings()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string first = Get(works, "/works?mock=true&offset=20&limit=15");

        Assert.True(await _cache.DeleteCachedAsync(works, "/works", new Dictionary<string, object> { ["offset"] = 20, ["limit"] = 15, ["mock"] = "true" }));

        Assert.NotEqual(first, Get(works, "/works?mock=true&offset=20&limit=15"));
    }

    [Fact]
    public async Task Delete_cached_accepts_a_list_of_pairs()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string first = Get(works, "/works?mock=true&offset=20&limit=15");

        Assert.True(await _cache.DeleteCachedAsync(works, "/works", new[] { ("limit", "15"), ("mock", "true"), ("offset", "20") }));

        Assert.NotEqual(first, Get(works, "/works?mock=true&offset=20&limit=15"));
    }

    [Fact]
    public async Task Delete_cached_only_deletes_the_matching_arguments()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string first = Get(works, "/works?limit=15");

        Assert.False(await _cache.DeleteCachedAsync(works, "/works", "limit=20"));

        Assert.Equal(first, Get(works, "/works?limit=15"));
    }

    [Fact]
    public async Task Delete_cached_matches_repeated_parameters_in_any_order()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        string first = Get(works, "/works?user[]=123&user[]=124");

        Assert.True(await _cache.DeleteCachedAsync(works, "/works", "user[]=124&user[]=123"));

        Assert.NotEqual(first, Get(works, "/works?user[]=123&user[]=124"));
    }

    [Fact]
    public async Task Delete_cached_removes_the_entry_of_a_path()
    {
        CachedFunction<Func<string>> user = Works(new CachedOptions());
        string first = Get(user, "/user/bob");

        Assert.True(await _cache.DeleteCachedAsync(user, "/user/bob"));

        Assert.NotEqual(first, Get(user, "/user/bob"));
        Assert.False(await _cache.DeleteCachedAsync(user, "/user/alice"));
    }

    private static string Get(CachedFunction<Func<string>> view, string pathAndQuery)
    {
        using (CacheRequestContext.Push(pathAndQuery))
        {
            return view.Invoke();
        }
    }

    private static string KeyInRequest(CachedFunction<Func<string>> view, string pathAndQuery)
    {
        using (CacheRequestContext.Push(pathAndQuery))
        {
            return view.GetCacheKey();
        }
    }

    private CachedFunction<Func<string>> Works(CachedOptions options)
        => _cache.Cached<Func<string>>(() => "body" + Interlocked.Increment(ref _calls), options);
}
