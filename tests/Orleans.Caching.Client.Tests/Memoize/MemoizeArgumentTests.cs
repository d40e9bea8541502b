namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeArgumentTests
{
    private readonly MemoizeHarness _h = new();

    private static Dictionary<string, object?> Named(params (string Name, object? Value)[] pairs)
        => pairs.ToDictionary(p => p.Name, p => p.Value);

    private static long BigFoo2(int a, Dictionary<string, int>? b = null) => a + (b?.Count ?? 0) + Randoms.Next();

    private static long KwargOnly(int? a = null) => (a ?? 0) + Randoms.Next();

    private static long ArgKwarg(int a, int b, int c = 1) => a + b + c + Randoms.Next();

    public static long BigFoo4(int a, int b, string? c = null, string? d = null) => a + b + (c?.Length ?? 0) + (d?.Length ?? 0) + Randoms.Next();

    private static long VarArgs(params int[] args) => args.Sum() + Randoms.Next();

    private static long Mixed(int a, int b, params object?[] rest) => a + b + rest.Length + Randoms.Next();

    [Fact]
    public async Task Dictionary_arguments_are_keyed_by_value_and_deleted_exactly()
    {
        var f = _h.Cache.Memoize<Func<int, Dictionary<string, int>?, long>>(BigFoo2);
        long first = f.Invoke(1, new() { ["bar"] = 1 });
        long other = f.Invoke(1, new() { ["baz"] = 1 });
        Assert.Equal(first, f.Invoke(1, new() { ["bar"] = 1 }));
        await _h.Cache.DeleteMemoizedAsync(f, 1, new Dictionary<string, int> { ["bar"] = 1 });
        Assert.NotEqual(first, f.Invoke(1, new() { ["bar"] = 1 }));
        Assert.Equal(other, f.Invoke(1, new() { ["baz"] = 1 }));
    }

    [Fact]
    public void A_parameter_defaulting_to_null_is_distinct_from_a_value_and_stable()
    {
        var f = _h.Cache.Memoize<Func<int?, long>>(KwargOnly);
        long none = f.Invoke(null);
        long five = f.Invoke(5);
        Assert.NotEqual(none, five);
        Assert.Equal(none, f.Invoke(null));
        Assert.Equal(five, f.Invoke(5));
    }

    [Fact]
    public async Task Positional_named_and_defaulted_spellings_share_an_entry()
    {
        var f = _h.Cache.Memoize<Func<int, int, int, long>>(ArgKwarg);
        string key = await f.MakeCacheKeyAsync(1, 2);
        Assert.Equal(key, await f.MakeCacheKeyAsync([1, 2], Named(("c", 1))));
        Assert.Equal(key, await f.MakeCacheKeyAsync(1, 2, 1));
        Assert.Equal(key, await f.MakeCacheKeyAsync([1], Named(("b", 2))));
        Assert.NotEqual(key, await f.MakeCacheKeyAsync(1, 2, 3));
        long value = f.Invoke(1, 2, 1);
        Assert.Equal(value, f.Invoke(1, 2, 1));
        await _h.Cache.DeleteMemoizedAsync(() => ArgKwarg(1, 2));
        Assert.Null(await _h.Cache.GetAsync(key));
        value = f.Invoke(1, 2, 1);
        Assert.Equal(value, await _h.Cache.GetAsync<long>(key));
    }

    [Fact]
    public async Task Extra_named_arguments_are_order_independent_and_a_keyword_beats_a_surplus_positional()
    {
        var f = _h.Cache.Memoize<Func<int, int, int, long>>(ArgKwarg);
        string sorted = await f.MakeCacheKeyAsync([1, 2], Named(("d", 5), ("e", 8)));
        Assert.Equal(sorted, await f.MakeCacheKeyAsync([1, 2], Named(("e", 8), ("d", 5))));
        Assert.NotEqual(sorted, await f.MakeCacheKeyAsync(1, 2));
        string allNamed = await f.MakeCacheKeyAsync([1], Named(("b", 2), ("c", 3), ("d", 5), ("e", 8)));
        Assert.Equal(allNamed, await f.MakeCacheKeyAsync([1, 2], Named(("e", 8), ("d", 5), ("b", 2), ("c", 3))));
        Assert.NotEqual(await f.MakeCacheKeyAsync(1, 2, 3), await f.MakeCacheKeyAsync(1, 2));
    }

    [Fact]
    public void Leftover_named_arguments_are_formatted_as_a_sorted_ordered_dict()
    {
        var f = _h.Cache.Memoize<Func<int, int, int, long>>(ArgKwarg, new MemoizeOptions { Name = "f" });
        MemoizeNormalizedCall call = MemoizeKeyBuilder.Normalize(f.Binding.Descriptor, [1, 2], Named(("e", 8), ("d", 5)));
        Assert.Equal("f(1, 2, 1)OrderedDict([('d', 5), ('e', 8)])", MemoizeKeyBuilder.HashInput(f.Binding.Descriptor, call));
    }

    [Fact]
    public async Task Calls_with_arguments_in_any_spelling_share_an_entry()
    {
        var f = _h.Cache.Memoize<Func<int, int, string?, string?, long>>(BigFoo4);
        long value = f.Invoke(1, 2, "foo", "bar");
        string key = await f.MakeCacheKeyAsync(1, 2, "foo", "bar");
        Assert.Equal(value, await _h.Cache.GetAsync<long>(key));
        Assert.Equal(key, await f.MakeCacheKeyAsync([1, 2], Named(("d", "bar"), ("c", "foo"))));
        Assert.Equal(key, await f.MakeCacheKeyAsync([1, 2], Named(("c", "foo"), ("d", "bar"))));
        Assert.Equal(key, await f.MakeCacheKeyAsync([], Named(("a", 1), ("b", 2), ("c", "foo"), ("d", "bar"))));
    }

    [Fact]
    public async Task Delete_with_any_spelling_of_the_arguments_deletes_the_entry()
    {
        var f = _h.Cache.Memoize<Func<int, int, string?, string?, long>>(BigFoo4);
        var deletions = new List<Func<Task>>
        {
            () => _h.Cache.DeleteMemoizedAsync(f, 1, 2, "foo", "bar"),
            () => _h.Cache.DeleteMemoizedAsync(f, [1, 2], Named(("d", "bar"), ("c", "foo"))),
            () => _h.Cache.DeleteMemoizedAsync(f, [], Named(("a", 1), ("b", 2), ("c", "foo"), ("d", "bar"))),
            () => _h.Cache.DeleteMemoizedAsync(f, [2, "foo", "bar"], Named(("a", 1))),
            () => _h.Cache.DeleteMemoizedAsync(() => BigFoo4(a: 1, b: 2, c: "foo", d: "bar")),
            () => _h.Cache.DeleteMemoizedAsync(() => f.Invoke(1, 2, "foo", "bar")),
        };
        long previous = f.Invoke(1, 2, "foo", "bar");
        foreach (Func<Task> delete in deletions)
        {
            await delete();
            long next = f.Invoke(1, 2, "foo", "bar");
            Assert.NotEqual(previous, next);
            Assert.Equal(next, f.Invoke(1, 2, "foo", "bar"));
            previous = next;
        }
    }

    [Fact]
    public void Named_arguments_normalize_to_the_positional_tuple()
    {
        var f = _h.Cache.Memoize<Func<int, int, string?, string?, long>>(BigFoo4);
        MemoizeDescriptor d = f.Binding.Descriptor;
        object?[] expected = [1, 2, "foo", "bar"];
        Assert.Equal(expected, MemoizeKeyBuilder.Normalize(d, [1, 2, "foo", "bar"], null).Arguments);
        Assert.Equal(expected, MemoizeKeyBuilder.Normalize(d, [2, "foo", "bar"], Named(("a", 1))).Arguments);
        Assert.Equal(expected, MemoizeKeyBuilder.Normalize(d, [], Named(("d", "bar"), ("b", 2), ("a", 1), ("c", "foo"))).Arguments);
        Assert.Equal(expected, MemoizeKeyBuilder.Normalize(d, [1, 2], Named(("d", "bar"), ("c", "foo"))).Arguments);
        Assert.Empty(MemoizeKeyBuilder.Normalize(d, [1, 2], Named(("d", "bar"), ("c", "foo"))).NamedArguments);
    }

    [Fact]
    public async Task Params_arrays_are_keyed_as_the_args_tail()
    {
        var f = _h.Cache.Memoize<Func<int[], long>>(VarArgs);
        long a = f.Invoke([1, 2]);
        long b = f.Invoke([1, 3]);
        Assert.NotEqual(a, b);
        Assert.Equal(a, f.Invoke([1, 2]));
        Assert.Equal(await f.MakeCacheKeyAsync(1, 2), await f.MakeCacheKeyAsync(1, 2));
        await _h.Cache.DeleteMemoizedAsync(f, 1, 2);
        long a2 = f.Invoke([1, 2]);
        Assert.NotEqual(a, a2);
        Assert.Equal(b, f.Invoke([1, 3]));
        await _h.Cache.DeleteMemoizedAsync(f);
        Assert.NotEqual(a2, f.Invoke([1, 2]));
        Assert.NotEqual(b, f.Invoke([1, 3]));
    }

    [Fact]
    public async Task Mixed_named_parameters_params_tail_and_extra_named_arguments_are_distinct()
    {
        var f = _h.Cache.Memoize<Func<int, int, object?[], long>>(Mixed);
        long a = f.Invoke(1, 2, []);
        long b = f.Invoke(1, 2, ["x"]);
        long c = f.Invoke(1, 3, ["x"]);
        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
        Assert.NotEqual(await f.MakeCacheKeyAsync(1, 2), await f.MakeCacheKeyAsync([1, 2], Named(("k", 1))));
        await _h.Cache.DeleteMemoizedAsync(f);
        Assert.NotEqual(a, f.Invoke(1, 2, []));
        Assert.NotEqual(b, f.Invoke(1, 2, ["x"]));
        Assert.NotEqual(c, f.Invoke(1, 3, ["x"]));
    }

    [Fact]
    public async Task Ignored_arguments_do_not_change_the_key_even_when_named()
    {
        var f = _h.Cache.Memoize<Func<int, int, long>>((a, b) => a + b + Randoms.Next(), new MemoizeOptions { ArgsToIgnore = ["b"] });
        long first = f.Invoke(5, 2);
        Assert.Equal(first, f.Invoke(5, 3));
        Assert.Equal(await f.MakeCacheKeyAsync(5, 2), await f.MakeCacheKeyAsync([5], Named(("b", 3))));
    }

    [Fact]
    public async Task Strings_and_numbers_with_the_same_text_are_different_keys()
    {
        var f = _h.Cache.Memoize<Func<object, string>>(o => o.ToString()!);
        Assert.NotEqual(await f.MakeCacheKeyAsync(1), await f.MakeCacheKeyAsync("1"));
    }
}
