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
