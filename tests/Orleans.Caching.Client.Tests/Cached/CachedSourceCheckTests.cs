using System.Text;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedSourceCheckTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;

    public CachedSourceCheckTests() => _cache = CachedTestCaches.Create(_clock);

    public static TheoryData<string> HashMethods => new(CacheHashMethod.All.Select(m => m.Name));

    [Fact]
    public void Source_check_gives_a_changed_body_fresh_entries_and_an_identical_body_the_first_value()
    {
        var options = new CachedOptions { Timeout = 100, KeyPrefix = "MyBits", SourceCheck = true };
        CachedFunction<Func<int>> original = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options);
        int first = original.Invoke();

        CachedFunction<Func<int>> changed = _cache.Cached<Func<int>>(static () => 7, options);
        Assert.Equal(7, changed.Invoke());

        CachedFunction<Func<int>> restored = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options);
        Assert.NotEqual(original.Uncached.Method, restored.Uncached.Method);
        Assert.Equal(first, restored.Invoke());
        Assert.Equal(original.GetCacheKey(), restored.GetCacheKey());
        Assert.NotEqual(original.GetCacheKey(), changed.GetCacheKey());
    }

    [Fact]
    public void Source_check_off_serves_the_first_value_to_a_changed_body()
    {
        var options = new CachedOptions { Timeout = 100, KeyPrefix = "MyBits", SourceCheck = false };
        int first = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options).Invoke();

        CachedFunction<Func<int>> changed = _cache.Cached<Func<int>>(static () => 7, options);

        Assert.Equal(first, changed.Invoke());
        Assert.Equal("MyBits", changed.GetCacheKey());
    }

    [Fact]
    public void Source_check_appends_the_hex_digest_of_the_fingerprint()
    {
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(BodyA, new CachedOptions { KeyPrefix = "MyBits", SourceCheck = true });

        string key = function.GetCacheKey();

        Assert.StartsWith("MyBits", key, StringComparison.Ordinal);
        Assert.Equal(6 + 64, key.Length);
        Assert.Equal("MyBits" + CacheHashMethod.Sha256.ComputeHexDigest(MethodFingerprint.Of(function.Uncached.Method)), key);
    }

    [Fact]
    public void Methods_with_identical_bodies_share_keys_and_different_signatures_do_not()
    {
        var options = new CachedOptions { KeyPrefix = "m", SourceCheck = true };

        string a = _cache.Cached<Func<int>>(BodyA, options).GetCacheKey();
        string b = _cache.Cached<Func<int>>(BodyB, options).GetCacheKey();
        string c = _cache.Cached<Func<int>>(BodyC, options).GetCacheKey();
        string d = _cache.Cached<Func<long>>(BodyD, options).GetCacheKey();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void Source_check_defaults_to_the_cache_option_and_the_decorator_value_wins()
    {
        Cache checking = CachedTestCaches.Create(_clock, new CacheOptions { SourceCheck = true });

        Assert.NotEqual("k", checking.Cached<Func<int>>(BodyA, new CachedOptions { KeyPrefix = "k" }).GetCacheKey());
        Assert.Equal("k", checking.Cached<Func<int>>(BodyA, new CachedOptions { KeyPrefix = "k", SourceCheck = false }).GetCacheKey());
        Assert.Equal("k", _cache.Cached<Func<int>>(BodyA, new CachedOptions { KeyPrefix = "k" }).GetCacheKey());
    }

    [Theory]
    [MemberData(nameof(HashMethods))]
    public void Cached_function_works_with_every_hash_method(string name)
    {
        CacheHashMethod hashMethod = CacheHashMethod.FromName(name);
        CachedFunction<Func<long>> bits = _cache.Cached<Func<long>>(
            () => Random.Shared.NextInt64(), new CachedOptions { Timeout = 1, KeyPrefix = "MyBits", SourceCheck = true, HashMethod = hashMethod });

        long first = bits.Invoke();
        long second = bits.Invoke();
        _clock.Advance(2);
        long third = bits.Invoke();

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
        Assert.Equal("MyBits".Length + (hashMethod.ComputeHash([]).Length * 2), bits.GetCacheKey().Length);
    }

    [Fact]
    public void Query_string_keys_fold_the_fingerprint_into_the_same_digest()
    {
        var options = new CachedOptions { QueryString = true, SourceCheck = true };
        CachedFunction<Func<int>> original = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options);
        CachedFunction<Func<int>> identical = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options);
        CachedFunction<Func<int>> changed = _cache.Cached<Func<int>>(static () => 7, options);

        using (CacheRequestContext.Push("/works?a=1"))
        {
            int first = original.Invoke();
            Assert.Equal(7, changed.Invoke());
            Assert.Equal(first, identical.Invoke());

            byte[] text = Encoding.UTF8.GetBytes("(('a', '1'),)");
            byte[] expected = [.. text, .. MethodFingerprint.Of(original.Uncached.Method)];
            Assert.Equal("view//works" + CacheHashMethod.Sha256.ComputeHexDigest(expected), original.GetCacheKey());
        }
    }

    [Fact]
    public void Query_string_keys_without_source_check_serve_a_replaced_function()
    {
        var options = new CachedOptions { QueryString = true, SourceCheck = false };
        using (CacheRequestContext.Push("/works?a=1"))
        {
            int first = _cache.Cached<Func<int>>(static () => Random.Shared.Next(1000, int.MaxValue), options).Invoke();

            Assert.Equal(first, _cache.Cached<Func<int>>(static () => 7, options).Invoke());
        }
    }

    private static int BodyA() => 41;

    private static int BodyB() => 41;

    private static int BodyC() => 42;

    private static long BodyD() => 41;
}
