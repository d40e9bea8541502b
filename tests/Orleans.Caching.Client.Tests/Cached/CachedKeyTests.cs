using System.Text;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedKeyTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;
    private int _calls;

    public CachedKeyTests() => _cache = CachedTestCaches.Create(_clock);

    [Fact]
    public async Task Default_hash_method_for_query_string_keys_is_sha256()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });

        using (CacheRequestContext.Push("/works?a=1&b=2"))
        {
            works.Invoke();
        }

        Assert.True(await _cache.HasAsync(ExpectedKey("view//works", CacheHashMethod.Sha256, "(('a', '1'), ('b', '2'))")));
    }

    [Fact]
    public void Query_pairs_are_sorted_by_name_then_value()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });

        using (CacheRequestContext.Push("/works?b=2&a=1&a=0"))
        {
            Assert.Equal(ExpectedKey("view//works", CacheHashMethod.Sha256, "(('a', '0'), ('a', '1'), ('b', '2'))"), works.GetCacheKey());
        }
    }

    [Fact]
    public async Task Query_string_key_includes_the_key_prefix()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true, KeyPrefix = "custom/%s" });

        using (CacheRequestContext.Push("/works?a=1&b=2"))
        {
            works.Invoke();
        }

        Assert.True(await _cache.HasAsync(ExpectedKey("custom//works", CacheHashMethod.Sha256, "(('a', '1'), ('b', '2'))")));
    }

    [Fact]
    public async Task Cached_uses_the_configured_hash_method()
    {
        Cache cache = CachedTestCaches.Create(_clock, new CacheOptions { HashMethod = "md5" });
        CachedFunction<Func<string>> works = cache.Cached<Func<string>>(() => "body", new CachedOptions { QueryString = true });

        using (CacheRequestContext.Push("/works?a=1&b=2"))
        {
            works.Invoke();
        }

        Assert.True(await cache.HasAsync(ExpectedKey("view//works", CacheHashMethod.Md5, "(('a', '1'), ('b', '2'))")));
    }

    [Fact]
    public async Task Decorator_hash_method_overrides_the_configured_one()
    {
        Cache cache = CachedTestCaches.Create(_clock, new CacheOptions { HashMethod = "md5" });
        CachedFunction<Func<string>> works = cache.Cached<Func<string>>(() => "body", new CachedOptions { QueryString = true, HashMethod = CacheHashMethod.Sha512 });

        using (CacheRequestContext.Push("/works?a=1&b=2"))
        {
            works.Invoke();
        }

        Assert.True(await cache.HasAsync(ExpectedKey("view//works", CacheHashMethod.Sha512, "(('a', '1'), ('b', '2'))")));
    }

    [Fact]
    public async Task Hash_method_is_resolved_when_the_key_is_built_not_at_decoration()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        _cache.HashMethod = CacheHashMethod.Md5;

        using (CacheRequestContext.Push("/works?a=1&b=2"))
        {
            works.Invoke();
        }

        Assert.True(await _cache.HasAsync(ExpectedKey("view//works", CacheHashMethod.Md5, "(('a', '1'), ('b', '2'))")));
    }

    [Fact]
    public void Changing_the_hash_method_at_runtime_changes_the_key_of_later_calls()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        using (CacheRequestContext.Push("/works?a=1"))
        {
            string before = works.GetCacheKey();
            Assert.Equal("body1", works.Invoke());
            Assert.Equal("body1", works.Invoke());

            _cache.HashMethod = CacheHashMethod.Sha1;

            Assert.NotEqual(before, works.GetCacheKey());
            Assert.Equal("body2", works.Invoke());
        }
    }

    [Fact]
    public void Query_strings_in_any_order_share_an_entry()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });

        string first = Get(works, "/works?mock=true&offset=20&limit=15");
        string second = Get(works, "/works?limit=15&mock=true&offset=20");
        string third = Get(works, "/works?limit=20&mock=true&offset=20");

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void Repeated_query_parameters_are_all_part_of_the_key()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });

        string first = Get(works, "/works?user[]=123&user[]=124");
        string second = Get(works, "/works?user[]=124&user[]=123");
        string third = Get(works, "/works?user[]=125&user[]=124");

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void Default_prefix_uses_the_ambient_path_so_paths_get_separate_entries()
    {
        CachedFunction<Func<string>> view = Works(new CachedOptions());

        string foo = Get(view, "/foo");
        string bar = Get(view, "/bar");

        Assert.NotEqual(foo, bar);
        Assert.Equal(foo, Get(view, "/foo"));
        using (CacheRequestContext.Push("/foo"))
        {
            Assert.Equal("view//foo", view.GetCacheKey());
        }
    }

    [Fact]
    public async Task Cache_key_of_the_current_request_reads_back_the_body()
    {
        CachedFunction<Func<string>> view = Works(new CachedOptions());

        using (CacheRequestContext.Push("/"))
        {
            string body = view.Invoke();
            Assert.Equal(body, await _cache.GetAsync<string>(view.GetCacheKey()));
        }
    }

    [Fact]
    public void Outside_a_request_the_function_name_replaces_the_path()
    {
        CachedFunction<Func<string>> view = Works(new CachedOptions());

        Assert.Equal("view/" + view.FunctionName, view.GetCacheKey());
        Assert.StartsWith(typeof(CachedKeyTests).FullName!, view.FunctionName, StringComparison.Ordinal);
        Assert.Equal(view.Invoke(), view.Invoke());
    }

    [Fact]
    public void Key_for_another_path_is_the_same_from_any_request()
    {
        CachedFunction<Func<string, string>> cake = _cache.Cached<Func<string, string>>(flavor => flavor);

        string fromChocolateCake;
        using (CacheRequestContext.Push("/cake/chocolate"))
        {
            fromChocolateCake = cake.GetCacheKeyForPath("/cake/apple");
        }

        using (CacheRequestContext.Push("/pie/chocolate"))
        {
            Assert.Equal(fromChocolateCake, cake.GetCacheKeyForPath("/cake/apple"));
        }

        Assert.Equal("view//cake/apple", fromChocolateCake);
    }

    [Fact]
    public void Key_prefix_factory_is_called_on_each_call()
    {
        string user = "alice";
        CachedFunction<Func<string>> view = Works(new CachedOptions { KeyPrefix = "ignored/%s", KeyPrefixFactory = () => "user/" + user });

        string alice = view.Invoke();
        user = "bob";
        string bob = view.Invoke();

        Assert.NotEqual(alice, bob);
        Assert.Equal("user/bob", view.GetCacheKey());
    }

    [Fact]
    public void Replacing_the_make_cache_key_property_changes_the_key()
    {
        CachedFunction<Func<string>> view = Works(new CachedOptions());
        view.MakeCacheKey = _ => CacheRequestContext.Current!.Query.Single(p => p.Key == "foo").Value;

        string a = Get(view, "/?foo=a");
        string b = Get(view, "/?foo=b");

        Assert.NotEqual(a, b);
        Assert.Equal(a, Get(view, "/?foo=a"));
        Assert.Equal(b, Get(view, "/?foo=b"));
        using (CacheRequestContext.Push("/?foo=a"))
        {
            Assert.Equal("a", view.GetCacheKey());
        }
    }

    [Fact]
    public void Make_cache_key_option_gets_the_call_arguments_and_its_result_is_the_whole_key()
    {
        var seen = new List<object?>();
        int calls = 0;
        CachedFunction<Func<string, string>> view = _cache.Cached<Func<string, string>>(
            body => body + ++calls,
            new CachedOptions
            {
                KeyPrefix = "prefix/%s",
                SourceCheck = true,
                QueryString = true,
                MakeCacheKey = invocation =>
                {
                    seen.Add(invocation.Arguments[0]);
                    return "body/" + (string)invocation.Arguments[0]!;
                },
            });
        view.MakeCacheKey = _ => "never used";

        Assert.Equal("x1", view.Invoke("x"));
        Assert.Equal("x1", view.Invoke("x"));
        Assert.Equal("y2", view.Invoke("y"));
        Assert.Equal(["x", "x", "y"], seen);
        Assert.Equal("body/z", view.GetCacheKey("z"));
    }

    [Fact]
    public void Key_for_a_path_and_query_outside_a_request_equals_the_key_inside_one()
    {
        CachedFunction<Func<string>> works = Works(new CachedOptions { QueryString = true });
        CachedFunction<Func<string, string>> user = _cache.Cached<Func<string, string>>(name => name);

        string outside = works.GetCacheKeyForPath("/works", "limit=15&mock=true");
        string userOutside = user.GetCacheKeyForPath("/user/bob");

        using (CacheRequestContext.Push("/works?mock=true&limit=15"))
        {
            Assert.Equal(works.GetCacheKey(), outside);
        }

        using (CacheRequestContext.Push("/user/bob"))
        {
            Assert.Equal(user.GetCacheKey(), userOutside);
        }
    }

    private static string ExpectedKey(string prefix, CacheHashMethod hashMethod, string text)
        => prefix + hashMethod.ComputeHexDigest(Encoding.UTF8.GetBytes(text));

    private static string Get(CachedFunction<Func<string>> view, string pathAndQuery)
    {
        using (CacheRequestContext.Push(pathAndQuery))
        {
            return view.Invoke();
        }
    }

    private CachedFunction<Func<string>> Works(CachedOptions options)
        => _cache.Cached<Func<string>>(() => "body" + Interlocked.Increment(ref _calls), options);
}
