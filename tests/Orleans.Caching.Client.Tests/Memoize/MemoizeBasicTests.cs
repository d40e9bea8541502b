namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeBasicTests
{
    private readonly MemoizeHarness _h = new();

    private static long BigFoo(int a, int b) => a + b + Randoms.Next();

    private MemoizedFunction<Func<int, int, long>> Memoize(CacheTimeout? timeout = null)
        => _h.Cache.Memoize<Func<int, int, long>>(BigFoo, new MemoizeOptions { Timeout = timeout });

    [Fact]
    public void Results_are_cached_per_arguments_until_the_timeout()
    {
        var bigFoo = Memoize(3);
        long first = bigFoo.Invoke(5, 2);
        _h.Advance(1);
        Assert.Equal(first, bigFoo.Invoke(5, 2));
        long other = bigFoo.Invoke(5, 3);
        Assert.NotEqual(first, other);
        Assert.Equal(other, bigFoo.Invoke(5, 3));
        _h.Advance(3);
        Assert.NotEqual(first, bigFoo.Invoke(5, 2));
        _h.Advance(1);
        Assert.NotEqual(other, bigFoo.Invoke(5, 3));
    }

    [Fact]
    public async Task A_falsy_default_and_an_explicit_null_are_different_entries()
    {
        var runs = new List<(int, int?)>();
        var f = _h.Cache.Memoize<Func<int, int?, string>>(Falsy);
        Assert.Equal("1:None", f.Invoke(1, null));
        Assert.Equal("1:0", f.Invoke(1, 0));
        Assert.Equal("1:0", f.Invoke(1, 0));
        Assert.Equal([(1, (int?)null), (1, 0)], runs);
        string defaulted = await f.MakeCacheKeyAsync(1);
        Assert.Equal(defaulted, await f.MakeCacheKeyAsync(1, 0));
        Assert.Equal(defaulted, await f.MakeCacheKeyAsync([1], new Dictionary<string, object?> { ["b"] = 0 }));
        Assert.NotEqual(defaulted, await f.MakeCacheKeyAsync(1, null));

        string Falsy(int a, int? b = 0)
        {
            runs.Add((a, b));
            return $"{a}:{(b is null ? "None" : b.ToString())}";
        }
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha224")]
    [InlineData("sha256")]
    [InlineData("sha384")]
    [InlineData("sha512")]
    [InlineData("md5")]
    public void Every_hash_method_caches(string name)
    {
        CacheHashMethod method = name == "sha224"
            ? new CacheHashMethod("sha224", data => System.Security.Cryptography.SHA256.HashData(data)[..28])
            : CacheHashMethod.FromName(name);
        var bigFoo = _h.Cache.Memoize<Func<int, int, long>>(BigFoo, new MemoizeOptions { Timeout = 3, HashMethod = method });
        long first = bigFoo.Invoke(5, 2);
        _h.Advance(1);
        Assert.Equal(first, bigFoo.Invoke(5, 2));
        Assert.NotEqual(first, bigFoo.Invoke(5, 3));
        _h.Advance(3);
        Assert.NotEqual(first, bigFoo.Invoke(5, 2));
    }

    [Fact]
    public void Without_a_timeout_the_backend_default_applies()
    {
        var h = new MemoizeHarness(defaultTimeout: 1);
        var bigFoo = h.Cache.Memoize<Func<int, int, long>>(BigFoo);
        long first = bigFoo.Invoke(5, 2);
        Assert.Equal(first, bigFoo.Invoke(5, 2));
        h.Advance(2);
        Assert.NotEqual(first, bigFoo.Invoke(5, 2));
    }

    [Fact]
    public void An_entry_written_late_keeps_its_own_timeout()
    {
        var runs = new List<string>();
        var f = _h.Cache.Memoize<Func<string, string>>(flavor => { runs.Add(flavor); return flavor + "!"; }, new MemoizeOptions { Timeout = 60 });
        f.Invoke("icecream");
        _h.Advance(59);
        f.Invoke("waffles");
        _h.Advance(2);
        f.Invoke("waffles");
        Assert.Equal(["icecream", "waffles"], runs);
        _h.Advance(59);
        f.Invoke("waffles");
        Assert.Equal(["icecream", "waffles", "waffles"], runs);
    }

    [Fact]
    public async Task The_version_key_outlives_the_newest_entry()
    {
        var bigFoo = Memoize(60);
        bigFoo.Invoke(1, 1);
        _h.Advance(50);
        bigFoo.Invoke(2, 2);
        _h.Advance(59);
        Assert.True(await _h.HasVersionAsync(bigFoo.FunctionName + "_memver"));
    }

    [Fact]
    public async Task The_version_key_expires_once_its_entries_have()
    {
        var bigFoo = Memoize(60);
        bigFoo.Invoke(1, 1);
        Assert.True(await _h.HasVersionAsync(bigFoo.FunctionName + "_memver"));
        _h.Advance(61);
        Assert.False(await _h.HasVersionAsync(bigFoo.FunctionName + "_memver"));
    }

    [Fact]
    public async Task Delete_resets_the_version_key_which_then_gets_the_entry_timeout_again()
    {
        var runs = new List<string>();
        var f = _h.Cache.Memoize<Func<string, string>>(x => { runs.Add(x); return x; }, new MemoizeOptions { Timeout = 60 });
        f.Invoke("a");
        await _h.Cache.DeleteMemoizedAsync(f);
        f.Invoke("a");
        _h.Advance(3600);
        f.Invoke("b");
        _h.Advance(30);
        f.Invoke("b");
        Assert.Equal(["a", "a", "b"], runs);
    }

    [Theory]
    [InlineData("æøå")]
    [InlineData("日本語 \u0000\n'\"")]
    public void Non_ascii_arguments_are_keyed(string text)
    {
        var f = _h.Cache.Memoize<Func<string, long>>(s => s.Length + Randoms.Next());
        long first = f.Invoke(text);
        Assert.Equal(first, f.Invoke(text));
        Assert.NotEqual(first, f.Invoke(text + "x"));
    }

    [Fact]
    public async Task Delete_without_arguments_invalidates_every_entry()
    {
        var bigFoo = Memoize(5);
        long a = bigFoo.Invoke(5, 2);
        long b = bigFoo.Invoke(5, 3);
        await _h.Cache.DeleteMemoizedAsync(bigFoo);
        Assert.NotEqual(a, bigFoo.Invoke(5, 2));
        Assert.NotEqual(b, bigFoo.Invoke(5, 3));
    }

    [Fact]
    public async Task Delete_through_the_static_method_group_or_the_invoke_delegate_invalidates_every_entry()
    {
        var bigFoo = Memoize(5);
        long a = bigFoo.Invoke(5, 2);
        await _h.Cache.DeleteMemoizedAsync((Func<int, int, long>)BigFoo);
        long a2 = bigFoo.Invoke(5, 2);
        Assert.NotEqual(a, a2);
        await _h.Cache.DeleteMemoizedAsync(bigFoo.Invoke);
        Assert.NotEqual(a2, bigFoo.Invoke(5, 2));
    }

    [Fact]
    public async Task Delete_through_the_attribute_invalidates_every_entry()
    {
        var bigFoo = Memoize(5);
        long a = bigFoo.Invoke(5, 2);
        long b = bigFoo.Invoke(5, 3);
        await bigFoo.DeleteMemoizedAsync();
        Assert.NotEqual(a, bigFoo.Invoke(5, 2));
        Assert.NotEqual(b, bigFoo.Invoke(5, 3));
    }

    [Fact]
    public async Task Delete_with_arguments_deletes_only_that_entry()
    {
        var bigFoo = Memoize();
        long a = bigFoo.Invoke(5, 2);
        long b = bigFoo.Invoke(5, 1);
        await _h.Cache.DeleteMemoizedAsync(bigFoo, 5, 2);
        Assert.Equal(b, bigFoo.Invoke(5, 1));
        Assert.NotEqual(a, bigFoo.Invoke(5, 2));
    }

    [Fact]
    public async Task Verhash_delete_removes_the_version_key_and_the_next_call_recreates_it()
    {
        var bigFoo = Memoize();
        long a = bigFoo.Invoke(5, 2);
        string versionKey = bigFoo.FunctionName + "_memver";
        Assert.True(await _h.HasVersionAsync(versionKey));
        await _h.Cache.DeleteMemoizedVerhashAsync(bigFoo);
        Assert.False(await _h.HasVersionAsync(versionKey));
        Assert.NotEqual(a, bigFoo.Invoke(5, 2));
        Assert.True(await _h.HasVersionAsync(versionKey));
    }

    [Fact]
    public async Task List_arguments_are_keyed_by_value()
    {
        var calls = 0;
        var f = _h.Cache.Memoize<Func<List<int>, List<int>, long>>((a, b) => a.Sum() + b.Sum() + (++calls * 1000));
        long first = f.Invoke([5, 3, 2], [1]);
        long other = f.Invoke([5, 3, 2], [2]);
        Assert.Equal(first, f.Invoke([5, 3, 2], [1]));
        await _h.Cache.DeleteMemoizedAsync(f, new List<int> { 5, 3, 2 }, new List<int> { 1 });
        Assert.NotEqual(first, f.Invoke([5, 3, 2], [1]));
        Assert.Equal(other, f.Invoke([5, 3, 2], [2]));
    }

    [Fact]
    public void Uncached_calls_the_original_function()
    {
        var bigFoo = Memoize();
        Assert.NotEqual(bigFoo.Uncached(5, 2), bigFoo.Uncached(5, 2));
        Assert.Equal((Func<int, int, long>)BigFoo, bigFoo.Uncached);
    }

    [Fact]
    public void The_cache_timeout_is_readable_writable_and_read_at_call_time()
    {
        var bigFoo = Memoize(2);
        Assert.Equal(CacheTimeout.FromSeconds(2), bigFoo.CacheTimeout);
        bigFoo.CacheTimeout = 5;
        long first = bigFoo.Invoke(5, 2);
        _h.Advance(4);
        Assert.Equal(first, bigFoo.Invoke(5, 2));
        _h.Advance(1);
        Assert.NotEqual(first, bigFoo.Invoke(5, 2));
    }
}
