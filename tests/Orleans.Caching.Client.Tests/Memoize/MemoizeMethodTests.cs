using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeMethodTests
{
    private static readonly MethodInfo s_add = typeof(Adder).GetMethod(nameof(Adder.Add))!;

    private readonly MemoizeHarness _h = new();

    private static long ClassFoo(Type cls, int a, int b) => a + b + Randoms.Next();

    private MemoizedFunction<Func<int, long>> Wrap(Adder adder, MemoizeOptions? options = null)
        => _h.Cache.Memoize<Func<int, long>>(adder.Add, options);

    [Fact]
    public void A_method_caches_per_instance_and_argument()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = Wrap(adder2);
        long a = add1.Invoke(3);
        Assert.Equal(a, add1.Invoke(3));
        Assert.NotEqual(a, add1.Invoke(4));
        Assert.NotEqual(a, add2.Invoke(3));
        Assert.Equal(2, adder1.Runs);
        Assert.Equal(1, adder2.Runs);
    }

    [Fact]
    public void A_self_lambda_is_a_method_keyed_by_the_instance()
    {
        var add = _h.Cache.Memoize<Func<Adder, int, long>>((self, b) => self.Add(b), new MemoizeOptions { Name = "Adder.add" });
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        long a = add.Invoke(adder1, 3);
        Assert.Equal(a, add.Invoke(adder1, 3));
        Assert.NotEqual(a, add.Invoke(adder2, 3));
        Assert.Equal(1, adder1.Runs);
    }

    [Fact]
    public async Task Method_keys_are_28_characters_with_an_instance_version_key()
    {
        var adder = new NamedAdder(1);
        var add = Wrap(adder);
        add.Invoke(3);
        Assert.Equal("Orleans.Caching.Tests.Memoize.Adder.Add", add.FunctionName);
        string key = await add.MakeCacheKeyAsync(3);
        Assert.Equal(28, key.Length);
        Assert.NotNull(await _h.Cache.GetAsync("Orleans.Caching.Tests.Memoize.Adder.Add.Adder1_memver"));
    }

    [Fact]
    public void A_plain_function_taking_an_object_keys_it_by_identity_not_by_state()
    {
        var f = _h.Cache.Memoize<Func<Widget, long>>(w => w.Value + Randoms.Next());
        var first = new Widget { Value = 1 };
        var second = new Widget { Value = 1 };
        long a = f.Invoke(first);
        Assert.NotEqual(a, f.Invoke(second));
        first.Value = 99;
        Assert.Equal(a, f.Invoke(first));
    }

    [Fact]
    public void A_caching_id_beats_to_string()
    {
        var adder1 = new IdentifiedAdder(1);
        var adder2 = new IdentifiedAdder(2);
        long a = Wrap(adder1).Invoke(3);
        Assert.NotEqual(a, Wrap(adder2).Invoke(3));
        Assert.Equal(a, Wrap(new IdentifiedAdder(1)).Invoke(3));
    }

    [Fact]
    public void An_overridden_to_string_gives_value_identity()
    {
        long a = Wrap(new NamedAdder(1)).Invoke(3);
        Assert.Equal(a, Wrap(new NamedAdder(1)).Invoke(3));
        Assert.NotEqual(a, Wrap(new NamedAdder(2)).Invoke(3));
    }

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
    public async Task A_bound_self_lambda_scopes_deletes_to_its_instance()
    {
        var add = _h.Cache.Memoize<Func<Adder, int, long>>((self, b) => self.Add(b), new MemoizeOptions { Name = "Adder.add" });
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        long a = add.Invoke(adder1, 3);
        long b = add.Invoke(adder2, 3);
        var bound1 = add.Bind(adder1);
        Assert.Same(adder1, bound1.Instance);
        await _h.Cache.DeleteMemoizedAsync(bound1);
        long a2 = add.Invoke(adder1, 3);
        Assert.NotEqual(a, a2);
        Assert.Equal(b, add.Invoke(adder2, 3));
        await _h.Cache.DeleteMemoizedAsync(bound1, 3);
        Assert.NotEqual(a2, add.Invoke(adder1, 3));
        Assert.Equal(b, add.Invoke(adder2, 3));
        Assert.Equal(await add.MakeCacheKeyAsync(adder2, 3), await add.Bind(adder2).MakeCacheKeyAsync(3));
    }

    [Fact]
    public void Binding_a_method_group_wrapper_to_another_instance_calls_that_instance()
    {
        var adder1 = new Adder(1);
        var adder2 = new Adder(2);
        var add1 = Wrap(adder1);
        var add2 = add1.Bind(adder2);
        long b = add2.Invoke(3);
        Assert.Equal(b, Wrap(adder2).Invoke(3));
        Assert.Equal(1, adder2.Runs);
        Assert.Equal(0, adder1.Runs);
        Assert.Throws<InvalidOperationException>(() => _h.Cache.Memoize<Func<int, long>>(x => x).Bind(adder1));
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

    [Fact]
    public async Task Class_methods_are_keyed_by_the_type_and_need_it_first_for_deletes()
    {
        var foo = _h.Cache.Memoize<Func<Type, int, int, long>>(ClassFoo, new MemoizeOptions { Timeout = 5 });
        Assert.Equal(MemoizeSelfKind.Cls, foo.Binding.Descriptor.SelfKind);
        long a = foo.Invoke(typeof(Mock), 5, 2);
        long b = foo.Invoke(typeof(Mock), 5, 3);
        Assert.Equal(a, foo.Invoke(typeof(Mock), 5, 2));
        Assert.Equal(22, (await foo.MakeCacheKeyAsync(typeof(Mock), 5, 2)).Length);

        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(foo, 5, 2));
        Assert.Equal(a, foo.Invoke(typeof(Mock), 5, 2));
        await _h.Cache.DeleteMemoizedAsync(foo, typeof(Mock), 5, 2);
        long a2 = foo.Invoke(typeof(Mock), 5, 2);
        Assert.NotEqual(a, a2);
        Assert.Equal(b, foo.Invoke(typeof(Mock), 5, 3));

        await _h.Cache.DeleteMemoizedAsync(foo);
        Assert.NotEqual(a2, foo.Invoke(typeof(Mock), 5, 2));
        Assert.NotEqual(b, foo.Invoke(typeof(Mock), 5, 3));
    }

    [Fact]
    public void An_open_instance_delegate_is_a_method_taking_the_instance_first()
    {
        var open = s_add.CreateDelegate<Func<Adder, int, long>>();
        var add = _h.Cache.Memoize(open);
        var adder1 = new Adder(1);
        long a = add.Invoke(adder1, 3);
        Assert.Equal(a, add.Invoke(adder1, 3));
        Assert.NotEqual(a, add.Invoke(new Adder(1), 3));
        Assert.Equal("Orleans.Caching.Tests.Memoize.Adder.Add", add.FunctionName);
    }
}
