namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeHashMethodTests
{
    private static long BigFoo(int a, int b) => a + b + Randoms.Next();

    [Fact]
    public async Task Delete_memoized_matches_the_configured_hash_method()
    {
        var h = new MemoizeHarness(new CacheOptions { HashMethod = "md5" });
        var f = h.Cache.Memoize<Func<int, int, long>>(BigFoo);
        long first = f.Invoke(5, 2);
        await h.Cache.DeleteMemoizedAsync(f, 5, 2);
        Assert.NotEqual(first, f.Invoke(5, 2));
    }

    [Fact]
    public async Task Changing_the_cache_hash_method_changes_the_key_but_not_the_version()
    {
        var h = new MemoizeHarness();
        var f = h.Cache.Memoize<Func<int, int, long>>(BigFoo);
        string sha256 = await f.MakeCacheKeyAsync(5, 2);
        h.Cache.HashMethod = CacheHashMethod.Md5;
        string md5 = await f.MakeCacheKeyAsync(5, 2);
        Assert.NotEqual(sha256[..16], md5[..16]);
        Assert.Equal(sha256[16..], md5[16..]);
    }

    [Fact]
    public async Task The_options_hash_method_beats_the_cache_hash_method()
    {
        var h = new MemoizeHarness(new CacheOptions { HashMethod = "md5" });
        var f = h.Cache.Memoize<Func<int, int, long>>(BigFoo, new MemoizeOptions { HashMethod = CacheHashMethod.Sha512, Name = "n" });
        string key = await f.MakeCacheKeyAsync(5, 2);
        string expected = Convert.ToBase64String(CacheHashMethod.Sha512.ComputeHash("n(5, 2)OrderedDict()"u8.ToArray()))[..16];
        Assert.Equal(expected, key[..16]);
    }
}
