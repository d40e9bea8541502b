using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedFunctionTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;

    public CachedFunctionTests() => _cache = CachedTestCaches.Create(_clock);

    [Fact]
    public void Cached_function_returns_the_same_value_until_its_timeout_passes()
    {
        CachedFunction<Func<long>> bits = _cache.Cached<Func<long>>(() => Random.Shared.NextInt64(), new CachedOptions { Timeout = 1, KeyPrefix = "MyBits" });

        long first = bits.Invoke();
        long second = bits.Invoke();
        _clock.Advance(2);
        long third = bits.Invoke();

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task Cached_function_stores_its_value_under_the_literal_prefix()
    {
        CachedFunction<Func<int>> answer = _cache.Cached<Func<int>>(() => 42, new CachedOptions { KeyPrefix = "answer" });

        answer.Invoke();

        Assert.Equal(42, await _cache.GetAsync<int>("answer"));
    }

    [Fact]
    public void Timeout_overload_sets_the_timeout_and_prefix()
    {
        CachedFunction<Func<long>> bits = _cache.Cached<Func<long>>(() => Random.Shared.NextInt64(), 1, "MyBits");

        long first = bits.Invoke();
        _clock.Advance(1);

        Assert.Equal("MyBits", bits.GetCacheKey());
        Assert.Equal(CacheTimeout.FromSeconds(1), bits.CacheTimeout);
        Assert.NotEqual(first, bits.Invoke());
    }

    [Fact]
    public async Task Cache_none_stores_null_and_serves_it_without_running_the_function()
    {
        int calls = 0;
        CachedFunction<Func<string?>> function = _cache.Cached<Func<string?>>(() =>
        {
            calls++;
            return null;
        }, new CachedOptions { CacheNone = true });

        Assert.Null(function.Invoke());
        Assert.Equal(1, calls);
        Assert.Null(function.Invoke());
        Assert.Equal(1, calls);

        await _cache.ClearAsync();
        function.Invoke();
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cached_null_counts_as_a_miss_by_default()
    {
        int calls = 0;
        CachedFunction<Func<string?>> function = _cache.Cached<Func<string?>>(() =>
        {
            calls++;
            return null;
        });

        function.Invoke();
        Assert.Equal(1, calls);
        function.Invoke();
        Assert.Equal(2, calls);

        await _cache.ClearAsync();
        function.Invoke();
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Forced_update_reruns_the_function_while_it_returns_true()
    {
        bool needUpdate = false;
        int calls = 0;
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(() => ++calls, new CachedOptions { Timeout = 1, ForcedUpdate = _ => needUpdate });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(1, function.Invoke());
        needUpdate = true;
        Assert.Equal(2, function.Invoke());
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Forced_update_is_called_once_per_call_with_the_call_arguments()
    {
        var seen = new List<object?>();
        int functionCalls = 0;
        CachedFunction<Func<int, int>> function = _cache.Cached<Func<int, int>>(
            param =>
            {
                functionCalls++;
                return param;
            },
            new CachedOptions
            {
                ForcedUpdate = invocation =>
                {
                    seen.Add(invocation.Arguments[0]);
                    return seen.Count >= 3;
                },
            });

        function.Invoke(1);
        Assert.Equal((1, 1), (seen.Count, functionCalls));
        function.Invoke(1);
        Assert.Equal((2, 1), (seen.Count, functionCalls));
        function.Invoke(1);
        Assert.Equal((3, 2), (seen.Count, functionCalls));
        Assert.All(seen, value => Assert.Equal(1, value));
    }

    [Fact]
    public void Is_stale_gets_the_cached_value_and_true_recomputes()
    {
        var recorded = new List<object?>();
        int calls = 0;
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(() => ++calls, new CachedOptions
        {
            Timeout = 5,
            KeyPrefix = "is_stale",
            IsStale = (value, _) =>
            {
                recorded.Add(value);
                return (int)value! < 2;
            },
        });

        Assert.Equal(1, function.Invoke());
        Assert.Empty(recorded);
        Assert.Equal(2, function.Invoke());
        Assert.Equal(2, function.Invoke());
        Assert.Equal(new object?[] { 1, 2 }, recorded);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Is_stale_gets_the_value_first_then_the_call_arguments()
    {
        var recorded = new List<(object? Value, object? Param)>();
        CachedFunction<Func<int, int>> function = _cache.Cached<Func<int, int>>(param => param, new CachedOptions
        {
            IsStale = (value, invocation) =>
            {
                recorded.Add((value, invocation["param"]));
                return false;
            },
        });

        function.Invoke(1);
        Assert.Empty(recorded);
        function.Invoke(1);

        Assert.Equal([(1, 1)], recorded);
    }

    [Fact]
    public void Is_stale_is_not_called_on_a_forced_update()
    {
        int staleCalls = 0;
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(() => 1, new CachedOptions
        {
            ForcedUpdate = _ => true,
            IsStale = (_, _) =>
            {
                staleCalls++;
                return false;
            },
        });

        function.Invoke();
        function.Invoke();

        Assert.Equal(0, staleCalls);
    }

    [Fact]
    public void Arguments_are_not_part_of_the_default_key()
    {
        CachedFunction<Func<int, int>> twice = _cache.Cached<Func<int, int>>(x => x * 2, new CachedOptions { KeyPrefix = "twice" });

        Assert.Equal(2, twice.Invoke(1));
        Assert.Equal(2, twice.Invoke(5));
        Assert.Equal("twice", twice.GetCacheKey(5));
    }

    [Fact]
    public void Unless_true_bypasses_the_cache_and_false_caches()
    {
        int calls = 0;
        bool bypass = true;
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(() => ++calls, new CachedOptions { Unless = _ => bypass });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(2, function.Invoke());
        bypass = false;
        Assert.Equal(3, function.Invoke());
        Assert.Equal(3, function.Invoke());
    }

    [Fact]
    public void Unless_gets_the_undecorated_function_and_the_arguments()
    {
        CacheInvocation? seen = null;
        Func<int, int> original = x => x + 1;
        CachedFunction<Func<int, int>> function = _cache.Cached(original, new CachedOptions
        {
            Unless = invocation =>
            {
                seen = invocation;
                return false;
            },
        });

        function.Invoke(7);

        Assert.Same(original, seen!.Function);
        Assert.Same(original, function.Uncached);
        Assert.Equal([7], seen.Arguments);
    }

    [Fact]
    public void Response_filter_false_keeps_the_result_out_of_the_cache()
    {
        int status = 500;
        int calls = 0;
        CachedFunction<Func<(string Body, int Status)>> view = _cache.Cached<Func<(string Body, int Status)>>(
            () => ("body" + ++calls, status),
            new CachedOptions { ResponseFilter = raw => ((ValueTuple<string, int>)raw!).Item2 < 400 });

        Assert.Equal("body1", view.Invoke().Body);
        Assert.Equal("body2", view.Invoke().Body);
        status = 200;
        Assert.Equal("body3", view.Invoke().Body);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Cache_timeout_is_read_at_call_time()
    {
        int calls = 0;
        CachedFunction<Func<int>> function = _cache.Cached<Func<int>>(() => ++calls, new CachedOptions { Timeout = 2 });
        Assert.Equal(CacheTimeout.FromSeconds(2), function.CacheTimeout);

        function.CacheTimeout = 5;
        Assert.Equal(1, function.Invoke());
        _clock.Advance(4);
        Assert.Equal(1, function.Invoke());
        _clock.Advance(1);
        Assert.Equal(2, function.Invoke());
    }

    [Fact]
    public void Wrapping_a_function_without_a_result_is_rejected()
    {
        ArgumentException noResult = Assert.Throws<ArgumentException>(() => _cache.Cached<Action>(() => { }));
        Assert.Contains("returns a value", noResult.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _cache.Cached<Func<Task>>(() => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => _cache.Cached<Func<ValueTask>>(() => ValueTask.CompletedTask));
    }

    [Fact]
    public void Functions_of_many_parameters_are_routed_through_the_cache()
    {
        int calls = 0;
        CachedFunction<Func<int, string, double, bool, long, string>> function = _cache.Cached<Func<int, string, double, bool, long, string>>(
            (a, b, c, d, e) =>
            {
                calls++;
                return FormattableString.Invariant($"{a}{b}{c}{d}{e}");
            },
            new CachedOptions { KeyPrefix = "five" });

        Assert.Equal("1x2.5True9", function.Invoke(1, "x", 2.5, true, 9));
        Assert.Equal("1x2.5True9", function.Invoke(2, "y", 0, false, 0));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void The_delegate_type_of_a_lambda_is_inferred()
    {
        CachedFunction<Func<int, int>> function = _cache.Cached((int x) => x + 1, new CachedOptions { KeyPrefix = "inferred" });

        Assert.Equal(2, function.Invoke(1));
        Assert.Equal(2, function.Invoke(5));
    }

    [Fact]
    public void A_sync_function_blocks_on_a_backend_that_completes_asynchronously()
    {
        var cache = new Cache(new YieldingBackend(_clock), timeProvider: _clock);
        int calls = 0;
        CachedFunction<Func<int>> function = cache.Cached(() => ++calls, new CachedOptions { KeyPrefix = "remote", CacheNone = true });

        Assert.Equal(1, function.Invoke());
        Assert.Equal(1, function.Invoke());
        Assert.Equal(1, calls);
    }
}
