using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Interception;

public sealed class MemoizeInterceptionTests : IDisposable
{
    private static readonly MethodInfo s_add = typeof(AdderService).GetMethod(nameof(AdderService.Add))!;

    private readonly InterceptionHarness _h = new(s => s.AddMemoized<IAdderService, AdderService>(ServiceLifetime.Transient));

    public void Dispose() => _h.Dispose();

    private static AdderService Target(IAdderService proxy) => InterceptionHarness.TargetOf<AdderService>(proxy);

    [Fact]
    public void A_memoized_method_is_computed_once_per_instance_and_argument_and_instances_differ()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        Assert.Equal(a, adder1.Add(3));
        Assert.NotEqual(a, adder1.Add(4));
        Assert.NotEqual(a, adder2.Add(3));
        Assert.Equal(2, Target(adder1).Runs);
    }

    [Fact]
    public void A_method_without_an_attribute_passes_through()
    {
        IAdderService adder = _h.Get<IAdderService>();
        Assert.NotEqual(adder.Plain(1), adder.Plain(1));
        Assert.Equal(2, Target(adder).Runs);
    }

    [Fact]
    public async Task Task_and_value_task_methods_are_memoized_with_their_timeout()
    {
        IAdderService adder = _h.Get<IAdderService>();
        long a = await adder.AddAsync(3);
        long v = await adder.AddValueAsync(3, CancellationToken.None);
        Assert.Equal(a, await adder.AddAsync(3));
        Assert.Equal(v, await adder.AddValueAsync(3));
        Assert.Equal(2, Target(adder).Runs);
        _h.Memo.Advance(61);
        Assert.NotEqual(a, await adder.AddAsync(3));
        Assert.NotEqual(v, await adder.AddValueAsync(3));
    }

    [Fact]
    public void The_interceptor_uses_the_same_keys_as_cache_memoize_on_the_implementation_method_group()
    {
        IAdderService proxy = _h.Get<IAdderService>();
        long viaProxy = proxy.Add(7);
        var wrapper = _h.Cache.Memoize<Func<int, long>>(Target(proxy).Add);
        Assert.Equal(viaProxy, wrapper.Invoke(7));
        Assert.Equal(1, Target(proxy).Runs);
    }

    [Fact]
    public void An_instance_with_a_caching_id_is_keyed_by_it_not_by_its_constant_ToString()
    {
        using var h = new InterceptionHarness(s => s.AddMemoized<IIdentifiedService, IdentifiedService>(ServiceLifetime.Transient));
        IIdentifiedService one = h.Get<IIdentifiedService>();
        IIdentifiedService two = h.Get<IIdentifiedService>();
        InterceptionHarness.TargetOf<IdentifiedService>(one).Initial = 1;
        InterceptionHarness.TargetOf<IdentifiedService>(two).Initial = 2;
        long a = one.Add(3);
        Assert.Equal(a, one.Add(3));
        Assert.NotEqual(a, two.Add(3));
    }

    [Fact]
    public async Task Deleting_the_method_info_invalidates_every_instance()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        long b = adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(s_add);
        Assert.NotEqual(a, adder1.Add(3));
        Assert.NotEqual(b, adder2.Add(3));
    }

    [Fact]
    public async Task Deleting_the_interface_method_info_or_an_open_delegate_invalidates_every_instance()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        long b = adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(typeof(IAdderService).GetMethod(nameof(IAdderService.Add))!);
        long a2 = adder1.Add(3);
        long b2 = adder2.Add(3);
        Assert.NotEqual(a, a2);
        Assert.NotEqual(b, b2);
        await _h.Cache.DeleteMemoizedAsync(s_add.CreateDelegate<Func<AdderService, int, long>>());
        Assert.NotEqual(a2, adder1.Add(3));
        Assert.NotEqual(b2, adder2.Add(3));
    }

    [Fact]
    public async Task Deleting_a_proxy_method_group_invalidates_that_instance_only()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        long b = adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add);
        Assert.NotEqual(a, adder1.Add(3));
        Assert.Equal(b, adder2.Add(3));
    }

    [Fact]
    public async Task Deleting_a_proxy_method_group_with_arguments_deletes_only_that_entry_of_that_instance()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a3 = adder1.Add(3);
        long a4 = adder1.Add(4);
        long b3 = adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, 3);
        Assert.NotEqual(a3, adder1.Add(3));
        Assert.Equal(a4, adder1.Add(4));
        Assert.Equal(b3, adder2.Add(3));
    }

    [Fact]
    public async Task An_explicit_instance_is_not_prepended_twice_whether_the_proxy_or_its_target_is_given()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, adder1, 3);
        long a2 = adder1.Add(3);
        Assert.NotEqual(a, a2);
        await _h.Cache.DeleteMemoizedAsync(s_add, adder1, 3);
        long a3 = adder1.Add(3);
        Assert.NotEqual(a2, a3);
        await _h.Cache.DeleteMemoizedAsync(s_add, Target(adder1), 3);
        Assert.NotEqual(a3, adder1.Add(3));
    }

    [Fact]
    public async Task Deleting_by_expression_deletes_exactly_one_entry()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        IAdderService adder2 = _h.Get<IAdderService>();
        long a3 = adder1.Add(3);
        long a4 = adder1.Add(4);
        long b3 = adder2.Add(3);
        await _h.Cache.DeleteMemoizedAsync(() => adder1.Add(3));
        Assert.NotEqual(a3, adder1.Add(3));
        Assert.Equal(a4, adder1.Add(4));
        Assert.Equal(b3, adder2.Add(3));
    }

    [Fact]
    public async Task Named_arguments_delete_through_an_instance_and_fail_without_one()
    {
        IAdderService adder1 = _h.Get<IAdderService>();
        long a = adder1.Add(3);
        await _h.Cache.DeleteMemoizedAsync(adder1.Add, [], new Dictionary<string, object?> { ["b"] = 3 });
        long a2 = adder1.Add(3);
        Assert.NotEqual(a, a2);
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(
            s_add.CreateDelegate<Func<AdderService, int, long>>(), [], new Dictionary<string, object?> { ["b"] = 3 }));
        Assert.Equal(a2, adder1.Add(3));
    }

    [Fact]
    public async Task The_method_info_deletes_every_argument_combination_and_with_arguments_needs_the_instance_first()
    {
        IAdderService adder = _h.Get<IAdderService>();
        long a3 = adder.Add(3);
        long a4 = adder.Add(4);
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cache.DeleteMemoizedAsync(s_add, 3));
        Assert.Equal(a3, adder.Add(3));
        await _h.Cache.DeleteMemoizedAsync(s_add, adder, 3);
        long a3b = adder.Add(3);
        Assert.NotEqual(a3, a3b);
        Assert.Equal(a4, adder.Add(4));
        await _h.Cache.DeleteMemoizedAsync(s_add);
        Assert.NotEqual(a3b, adder.Add(3));
        Assert.NotEqual(a4, adder.Add(4));
    }

    [Fact]
    public async Task Ignoring_self_shares_entries_between_instances_and_an_argument_delete_hits_the_shared_entry()
    {
        using var h = new InterceptionHarness(s => s.AddMemoized<ISharedService, SharedService>(ServiceLifetime.Transient));
        ISharedService one = h.Get<ISharedService>();
        ISharedService two = h.Get<ISharedService>();
        long a3 = one.Add(3);
        long a4 = one.Add(4);
        Assert.Equal(a3, two.Add(3));
        await h.Cache.DeleteMemoizedAsync(one.Add, 3);
        Assert.NotEqual(a3, two.Add(3));
        Assert.Equal(a4, two.Add(4));
    }

    [Fact]
    public void An_ignored_argument_is_left_out_of_the_key()
    {
        using var h = new InterceptionHarness(s => s.AddMemoized<ISharedService, SharedService>());
        ISharedService service = h.Get<ISharedService>();
        long a = service.Foo(5, 2);
        Assert.Equal(a, service.Foo(5, 3));
        Assert.NotEqual(a, service.Foo(6, 2));
    }
}
