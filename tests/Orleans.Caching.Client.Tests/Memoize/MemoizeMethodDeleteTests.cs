using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeMethodDeleteTests
{
    private static readonly MethodInfo s_add = typeof(Adder).GetMethod(nameof(Adder.Add))!;

    private readonly MemoizeHarness _h = new();

    private MemoizedFunction<Func<int, long>> Wrap(Adder adder, MemoizeOptions? options = null)
        => _h.Cache.Memoize<Func<int, long>>(adder.Add, options);

    [Fact]
    public async Task The_attribute_delete_invalidates_every_instance()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a = add1.Invoke(3);
        long b = add2.Invoke(3);
        await add1.DeleteMemoizedAsync();
        Assert.NotEqual(a, add1.Invoke(3));
        Assert.NotEqual(b, add2.Invoke(3));
    }

    [Fact]
    public async Task Deleting_a_bound_method_group_invalidates_that_instance_only_and_the_method_info_every_instance()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a = add1.Invoke(3);
        long b = add2.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add);
        long a2 = add1.Invoke(3);
        Assert.NotEqual(a, a2);
        Assert.Equal(b, add2.Invoke(3));
        await _h.Cache.DeleteMemoizedAsync(s_add);
        Assert.NotEqual(a2, add1.Invoke(3));
        Assert.NotEqual(b, add2.Invoke(3));
    }

    [Fact]
    public async Task Deleting_a_bound_wrapper_without_arguments_resets_its_instance_only()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a = add1.Invoke(3);
        long b = add2.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(add1);
        Assert.NotEqual(a, add1.Invoke(3));
        Assert.Equal(b, add2.Invoke(3));
    }

    [Fact]
    public async Task Deleting_a_bound_method_with_arguments_deletes_only_that_instance_entry()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a3 = add1.Invoke(3);
        long a4 = add1.Invoke(4);
        long b3 = add2.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, 3);
        Assert.NotEqual(a3, add1.Invoke(3));
        Assert.Equal(a4, add1.Invoke(4));
        Assert.Equal(b3, add2.Invoke(3));
    }

    [Fact]
    public async Task The_instance_may_also_be_passed_explicitly()
    {
        var adder1 = new Adder(1);
        var add1 = Wrap(adder1);
        long a = add1.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, adder1, 3);
        long a2 = add1.Invoke(3);
        Assert.NotEqual(a, a2);
        await _h.Cache.DeleteMemoizedAsync(s_add, adder1, 3);
        long a3 = add1.Invoke(3);
        Assert.NotEqual(a2, a3);
        await _h.Cache.DeleteMemoizedAsync(add1, adder1, 3);
        Assert.NotEqual(a3, add1.Invoke(3));
    }

    [Fact]
    public async Task Ignoring_self_shares_entries_between_instances_and_delete_with_arguments_still_works()
    {
        var options = new MemoizeOptions { ArgsToIgnore = ["self"] };
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1, options);
        var add2 = Wrap(adder2, options);
        long a3 = add1.Invoke(3);
        long a4 = add1.Invoke(4);
        Assert.Equal(a3, add2.Invoke(3));
        Assert.Equal(0, adder2.Runs);
        Assert.Equal(22, await add1.MakeCacheKeyAsync(3) is { } key ? key.Length : 0);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, 3);
        Assert.NotEqual(a3, add1.Invoke(3));
        Assert.Equal(a4, add1.Invoke(4));
    }

    [Fact]
    public async Task Verhash_delete_of_a_bound_wrapper_removes_that_instance_version_only()
    {
        var adder1 = new NamedAdder(1);
        var adder2 = new NamedAdder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a = add1.Invoke(3);
        long b = add2.Invoke(3);
        await _h.Cache.DeleteMemoizedVerhashAsync(add1);
        Assert.False(await _h.HasVersionAsync("Orleans.Caching.Tests.Memoize.Adder.Add.Adder1_memver"));
        Assert.True(await _h.HasVersionAsync("Orleans.Caching.Tests.Memoize.Adder.Add.Adder2_memver"));
        Assert.True(await _h.HasVersionAsync("Orleans.Caching.Tests.Memoize.Adder.Add_memver"));
        Assert.NotEqual(a, add1.Invoke(3));
        Assert.Equal(b, add2.Invoke(3));
        await _h.Cache.DeleteMemoizedVerhashAsync(adder2.Add);
        Assert.False(await _h.HasVersionAsync("Orleans.Caching.Tests.Memoize.Adder.Add.Adder2_memver"));
    }

    [Fact]
    public async Task Named_only_arguments_need_an_instance()
    {
        var adder1 = new Adder(1);
        var add1 = Wrap(adder1);
        long a = add1.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, [], new Dictionary<string, object?> { ["b"] = 3 });
        Assert.NotEqual(a, add1.Invoke(3));

        var unbound = _h.Cache.Memoize<Func<Adder, int, long>>((self, b) => self.Add(b));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(unbound, [], new Dictionary<string, object?> { ["b"] = 3 }));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(s_add, 3));
    }

    [Fact]
    public async Task An_expression_deletes_exactly_the_call_on_that_instance()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a3 = add1.Invoke(3);
        long a4 = add1.Invoke(4);
        long b3 = add2.Invoke(3);
        await _h.Cache.DeleteMemoizedAsync(() => adder1.Add(3));
        Assert.NotEqual(a3, add1.Invoke(3));
        Assert.Equal(a4, add1.Invoke(4));
        Assert.Equal(b3, add2.Invoke(3));
        await _h.Cache.DeleteMemoizedAsync(() => add2.Invoke(3));
        long b3Again = add2.Invoke(3);
        Assert.NotEqual(b3, b3Again);
        Expression<Func<object?>> boxed = () => adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(boxed);
        Assert.NotEqual(b3Again, add2.Invoke(3));
    }

    [Fact]
    public async Task Deleting_something_not_memoized_fails_clearly()
    {
        var adder = new Adder(1);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Cache.DeleteMemoizedAsync(adder.Add));
        Assert.Contains("not memoized by this cache", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Cache.DeleteMemoizedAsync(() => adder.Add(3)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Cache.DeleteMemoizedAsync(s_add));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(() => 42));
        var other = new MemoizeHarness();
        var elsewhere = other.Cache.Memoize<Func<int, long>>(adder.Add);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Cache.DeleteMemoizedAsync(elsewhere.Invoke));
    }
}
