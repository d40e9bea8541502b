using System.Text;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>Flask-Caching's Redis-specific tests and what Redis adds (atomic counters, prefix-scoped clear), checked with redis-cli as an independent client.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCacheTests(RedisServerFixture server) : IDisposable
{
    private static CancellationToken None => CancellationToken.None;
    private readonly string _prefix = UniquePrefix.New();
    private readonly List<RedisCache> _caches = [];

    [Fact]
    public async Task A_raw_value_written_by_another_client_reads_back_as_its_raw_bytes_and_a_raw_42_counts()
    {
        RedisCache cache = Cache();
        await server.Plain.CliAsync("SET", _prefix + "foo", "Awesome");
        await server.Plain.CliAsync("SET", _prefix + "num", "42");

        Assert.Equal("Awesome"u8.ToArray(), await cache.GetAsync("foo", None));
        Assert.Equal("42"u8.ToArray(), await cache.GetAsync("num", None));
        Assert.Equal(43, await cache.IncrementAsync("num", 1, None));
    }

    [Fact]
    public async Task A_value_set_through_the_backend_is_read_by_redis_cli_byte_for_byte()
    {
        RedisCache cache = Cache();
        await cache.SetAsync("greeting", "{\"hello\":\"wörld\"}"u8.ToArray(), 60, None);

        Assert.Equal("{\"hello\":\"wörld\"}", await server.Plain.CliAsync("GET", _prefix + "greeting"));
        int ttl = int.Parse(await server.Plain.CliAsync("TTL", _prefix + "greeting"));
        Assert.InRange(ttl, 55, 60);
    }

    [Fact]
    public async Task Increment_is_INCRBY_and_keeps_the_time_to_live()
    {
        RedisCache cache = Cache();
        await cache.SetAsync("hits", "1"u8.ToArray(), 100, None);

        Assert.Equal(11, await cache.IncrementAsync("hits", 10, None));
        Assert.Equal(10, await cache.IncrementAsync("hits", -1, None));

        Assert.Equal("10", await server.Plain.CliAsync("GET", _prefix + "hits"));
        Assert.InRange(int.Parse(await server.Plain.CliAsync("TTL", _prefix + "hits")), 90, 100);
    }

    [Fact]
    public async Task Parallel_increments_from_two_caches_are_atomic()
    {
        RedisCache first = Cache();
        RedisCache second = Cache();
        Task<long?>[] increments = [.. Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? first : second).IncrementAsync("shared", 1, None).AsTask())];
        await Task.WhenAll(increments);

        Assert.Equal("200", await server.Plain.CliAsync("GET", _prefix + "shared"));
    }

    [Fact]
    public async Task A_zero_timeout_stores_without_expiry_and_a_negative_one_deletes()
    {
        RedisCache cache = Cache();
        await cache.SetAsync("forever", "x"u8.ToArray(), 0, None);
        await cache.SetAsync("gone", "x"u8.ToArray(), 100, None);
        await cache.SetAsync("gone", "y"u8.ToArray(), -1, None);

        Assert.Equal("-1", await server.Plain.CliAsync("TTL", _prefix + "forever"));
        Assert.Equal("0", await server.Plain.CliAsync("EXISTS", _prefix + "gone"));
    }

    [Fact]
    public async Task Clear_with_a_prefix_deletes_only_the_prefixed_keys()
    {
        RedisCache cache = Cache();
        string other = "other-" + _prefix;
        await server.Plain.CliAsync("SET", other, "keep");
        await cache.SetManyAsync([.. Enumerable.Range(0, 1200).Select(i => new KeyValuePair<string, ReadOnlyMemory<byte>>($"k{i}", "v"u8.ToArray()))], 60, None);

        Assert.True(await cache.ClearAsync(None));

        Assert.Equal(string.Empty, await server.Plain.CliAsync("--scan", "--pattern", _prefix + "*"));
        Assert.Equal("keep", await server.Plain.CliAsync("GET", other));
        Assert.False(await cache.ClearAsync(None));
    }

    [Fact]
    public async Task Clear_treats_glob_characters_in_the_prefix_literally()
    {
        RedisCache cache = Cache(o => o.KeyPrefix = _prefix + "a*[b]?");
        await server.Plain.CliAsync("SET", _prefix + "aXXbYYY", "keep");
        await cache.SetAsync("k", "v"u8.ToArray(), 60, None);

        Assert.True(await cache.ClearAsync(None));

        Assert.Equal("keep", await server.Plain.CliAsync("GET", _prefix + "aXXbYYY"));
        Assert.Equal("0", await server.Plain.CliAsync("EXISTS", _prefix + "a*[b]?k"));
    }

    [Fact]
    public async Task Clear_without_a_prefix_flushes_only_its_database()
    {
        RedisCache cache = Cache(o =>
        {
            o.KeyPrefix = string.Empty;
            o.Db = 5;
        });
        await server.Plain.CliAsync("-n", "5", "SET", "a", "1");
        await server.Plain.CliAsync("-n", "6", "SET", "untouched", "1");

        Assert.True(await cache.ClearAsync(None));

        Assert.Equal("0", await server.Plain.CliAsync("-n", "5", "DBSIZE"));
        Assert.Equal("1", await server.Plain.CliAsync("-n", "6", "EXISTS", "untouched"));
    }

    [Fact]
    public async Task The_database_from_the_url_is_the_one_written()
    {
        RedisCache cache = Cache(o => o.Url = $"redis://127.0.0.1:{server.Plain.Port}/7");
        await cache.SetAsync("in-seven", "x"u8.ToArray(), 60, None);

        Assert.Equal("1", await server.Plain.CliAsync("-n", "7", "EXISTS", _prefix + "in-seven"));
        Assert.Equal("0", await server.Plain.CliAsync("-n", "0", "EXISTS", _prefix + "in-seven"));
    }

    [Fact]
    public async Task A_password_protected_server_works_with_the_password_in_the_url()
    {
        RedisCache cache = Cache(o => o.Url = $"redis://:{Uri.EscapeDataString(RedisServerFixture.SecretPassword)}@127.0.0.1:{server.Secured.Port}/0");
        Assert.True(await cache.SetAsync("secured", "yes"u8.ToArray(), 60, None));

        Assert.Equal("yes", await server.Secured.CliAsync("GET", _prefix + "secured"));
        Assert.DoesNotContain(RedisServerFixture.SecretPassword, cache.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_a_cache_error_naming_the_server_but_not_the_password()
    {
        const string wrong = "Wrong-Pa55word-xyz";
        RedisCache cache = Cache(o =>
        {
            o.Port = server.Secured.Port;
            o.Password = wrong;
            o.ClientOptions["connectTimeout"] = "1000";
        });

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.SetAsync("k", "v"u8.ToArray(), 60, None));

        Assert.Contains($"127.0.0.1:{server.Secured.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_key_operations_use_one_round_trip_each_and_keep_key_order()
    {
        RedisCache cache = Cache();
        await cache.SetManyAsync([new("b", "2"u8.ToArray()), new("a", "1"u8.ToArray())], 60, None);

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(["a", "missing", "b"], None);
        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(["a", "b", "missing"], None);

        Assert.Equal(["1", null, "2"], values.Select(v => v is null ? null : Encoding.UTF8.GetString(v)));
        Assert.Equal(["a", "b", "missing"], deleted);
        Assert.Equal(string.Empty, await server.Plain.CliAsync("--scan", "--pattern", _prefix + "*"));
    }

    public void Dispose() => _caches.ForEach(cache => cache.Dispose());

    private RedisCache Cache(Action<RedisCacheOptions>? configure = null)
    {
        var options = new RedisCacheOptions { Host = "127.0.0.1", Port = server.Plain.Port, KeyPrefix = _prefix };
        configure?.Invoke(options);
        var cache = new RedisCache(options);
        _caches.Add(cache);
        return cache;
    }
}
