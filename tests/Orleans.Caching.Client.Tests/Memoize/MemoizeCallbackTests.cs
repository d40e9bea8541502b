namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeCallbackTests
{
    private readonly MemoizeHarness _h = new();

    [Fact]
    public void A_forced_update_recomputes_and_stores_the_new_value()
    {
        bool forced = false;
        var f = _h.Cache.Memoize<Func<int, int, long>>((a, b) => a + b + Randoms.Next(), new MemoizeOptions { Timeout = 5, ForcedUpdate = _ => forced });
        long first = f.Invoke(5, 2);
        Assert.Equal(first, f.Invoke(5, 2));
        forced = true;
        long second = f.Invoke(5, 2);
        Assert.NotEqual(first, second);
        forced = false;
        Assert.Equal(second, f.Invoke(5, 2));
    }

    [Fact]
    public void Forced_update_is_called_once_per_call_with_the_arguments()
    {
        var seen = new List<(object?, object?)>();
        var f = _h.Cache.Memoize<Func<int, int, long>>((a, b) => a + b + Randoms.Next(), new MemoizeOptions
        {
            ForcedUpdate = call => { seen.Add((call["a"], call["b"])); return false; },
        });
        for (int i = 1; i <= 4; i++)
        {
            f.Invoke(5, 2);
            Assert.Equal(i, seen.Count);
        }

        Assert.All(seen, s => Assert.Equal(((object?)5, (object?)2), s));
    }

    [Fact]
    public void Is_stale_sees_cached_values_on_hits_only_and_true_recomputes()
    {
        var values = new List<object?>();
        bool stale = false;
        var f = _h.Cache.Memoize<Func<int, int, long>>((a, b) => a + b + Randoms.Next(), new MemoizeOptions
        {
            IsStale = (value, _) => { values.Add(value); return stale; },
        });
        long result = f.Invoke(5, 2);
        Assert.Empty(values);
        Assert.Equal(result, f.Invoke(5, 2));
        Assert.Equal(result, f.Invoke(5, 2));
        stale = true;
        long fresh = f.Invoke(5, 2);
        Assert.NotEqual(result, fresh);
        Assert.Equal([result, result, result], values.Cast<long>());
    }

    [Fact]
    public void Is_stale_receives_the_value_then_the_call_arguments()
    {
        var seen = new List<(object?, object?, object?)>();
        var f = _h.Cache.Memoize<Func<int, int, long>>((a, b) => a + b + Randoms.Next(), new MemoizeOptions
        {
            IsStale = (value, call) => { seen.Add((value, call.Arguments[0], call.Arguments[1])); return false; },
        });
        long result = f.Invoke(5, 2);
        f.Invoke(5, 2);
        Assert.Equal([((object?)result, (object?)5, (object?)2)], seen);
    }

    [Fact]
    public void Is_stale_is_not_called_on_a_forced_update()
    {
        int staleCalls = 0;
        var f = _h.Cache.Memoize<Func<int, long>>(a => a + Randoms.Next(), new MemoizeOptions
        {
            ForcedUpdate = _ => true,
            IsStale = (_, _) => { staleCalls++; return false; },
        });
        f.Invoke(1);
        f.Invoke(1);
        Assert.Equal(0, staleCalls);
    }

    [Fact]
    public async Task Cache_none_caches_null_results_until_clear()
    {
        int calls = 0;
        var f = _h.Cache.Memoize<Func<int, string?>>(_ => { calls++; return null; }, new MemoizeOptions { CacheNone = true });
        Assert.Null(f.Invoke(1));
        Assert.Null(f.Invoke(1));
        Assert.Equal(1, calls);
        await _h.Cache.ClearAsync();
        f.Invoke(1);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Null_results_are_recomputed_by_default()
    {
        int calls = 0;
        var f = _h.Cache.Memoize<Func<int, string?>>(_ => { calls++; return null; });
        f.Invoke(1);
        f.Invoke(1);
        f.Invoke(1);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Unless_true_bypasses_the_cache_and_receives_the_undecorated_function()
    {
        var h = new MemoizeHarness(factory: backend => new RecordingCache(backend, timeProvider: null));
        var recording = (RecordingCache)h.Cache;
        Delegate? seenFunction = null;
        bool bypass = true;
        Func<int, long> original = a => a + Randoms.Next();
        var f = recording.Memoize(original, new MemoizeOptions { Unless = call => { seenFunction = call.Function; return bypass; } });
        Assert.NotEqual(f.Invoke(1), f.Invoke(1));
        Assert.Empty(recording.Calls);
        Assert.Same(original, seenFunction);
        bypass = false;
        Assert.Equal(f.Invoke(1), f.Invoke(1));
    }

    [Fact]
    public void A_response_filter_keeps_rejected_values_out_of_the_cache()
    {
        int calls = 0;
        var f = _h.Cache.Memoize<Func<int, int>>(status => { calls++; return status; }, new MemoizeOptions { ResponseFilter = v => (int)v! < 400 });
        f.Invoke(500);
        f.Invoke(500);
        Assert.Equal(2, calls);
        f.Invoke(200);
        f.Invoke(200);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void A_generator_of_strings_is_joined_and_replayed()
    {
        int calls = 0;
        var gen = _h.Cache.Memoize<Func<string, IEnumerable<string>>>(Gen);
        Assert.Equal("ahello", string.Concat(gen.Invoke("a")));
        Assert.Equal("ahello", string.Concat(gen.Invoke("a")));
        Assert.Equal("bhello", string.Concat(gen.Invoke("b")));
        Assert.Equal(2, calls);

        IEnumerable<string> Gen(string prefix)
        {
            calls++;
            yield return prefix;
            yield return "hello";
        }
    }

    [Fact]
    public async Task Async_generators_bytes_and_other_items_are_drained_and_replayed()
    {
        int calls = 0;
        var chunks = _h.Cache.Memoize<Func<int, IAsyncEnumerable<string>>>(AsyncGen);
        Assert.Equal("<p>hello</p>", string.Concat(await chunks.Invoke(1).ToListAsync()));
        Assert.Equal("<p>hello</p>", string.Concat(await chunks.Invoke(1).ToListAsync()));
        Assert.Equal(1, calls);

        var bytes = _h.Cache.Memoize<Func<int, IEnumerable<byte[]>>>(_ => [[1, 2], [3]]);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.Invoke(1).SelectMany(b => b));
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.Invoke(1).SelectMany(b => b));

        int listCalls = 0;
        var numbers = _h.Cache.Memoize<Func<int, IEnumerable<int>>>(_ => { listCalls++; return Numbers(); });
        Assert.Equal([1, 2], numbers.Invoke(1));
        Assert.Equal([1, 2], numbers.Invoke(1));
        Assert.Equal(1, listCalls);

        async IAsyncEnumerable<string> AsyncGen(int _)
        {
            calls++;
            await Task.Yield();
            yield return "<p>";
            yield return "hello";
            yield return "</p>";
        }

        static IEnumerable<int> Numbers()
        {
            yield return 1;
            yield return 2;
        }
    }

    [Fact]
    public async Task Task_and_value_task_results_are_memoized_and_the_token_is_passed_through()
    {
        using var cts = new CancellationTokenSource();
        CancellationToken seen = default;
        var f = _h.Cache.Memoize<Func<int, CancellationToken, Task<long>>>(async (a, ct) =>
        {
            seen = ct;
            await Task.Yield();
            return a + Randoms.Next();
        });
        long first = await f.Invoke(1, cts.Token);
        Assert.Equal(cts.Token, seen);
        Assert.Equal(first, await f.Invoke(1, CancellationToken.None));
        Assert.Equal(await f.MakeCacheKeyAsync(1), await f.MakeCacheKeyAsync(1));

        var g = _h.Cache.Memoize<Func<int, ValueTask<string>>>(a => ValueTask.FromResult(a + ":" + Randoms.Next()));
        string value = await g.Invoke(2);
        Assert.Equal(value, await g.Invoke(2));
    }

    [Fact]
    public void Functions_without_a_result_are_rejected_at_wrap_time()
    {
        Assert.Contains("no result to cache", Assert.Throws<ArgumentException>(() => _h.Cache.Memoize<Action<int>>(_ => { })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _h.Cache.Memoize<Func<int, Task>>(_ => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => _h.Cache.Memoize<Func<int, ValueTask>>(_ => ValueTask.CompletedTask));
    }

    [Fact]
    public void The_function_exceptions_propagate()
    {
        var f = _h.Cache.Memoize<Func<int, int>>(_ => throw new InvalidOperationException("boom"));
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => f.Invoke(1)).Message);
    }
}
