using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Interception;

public sealed class ClassProxyInterceptionTests : IDisposable
{
    private readonly List<int> _forced = [];
    private readonly InterceptionHarness _h;

    public ClassProxyInterceptionTests()
    {
        _h = new InterceptionHarness(s => s
            .AddMemoized<ClassAdder>(ServiceLifetime.Transient)
            .AddMemoizePolicy("skip-negative", o =>
            {
                o.Timeout = 30;
                o.Unless = call => (int)call["b"]! < 0;
                o.ForcedUpdate = call => _forced.Contains((int)call["b"]!);
            }));
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_virtual_method_is_memoized_per_instance_and_deletes_work_through_the_proxy()
    {
        ClassAdder one = _h.Get<ClassAdder>();
        ClassAdder two = _h.Get<ClassAdder>();
        long a = one.Add(3);
        Assert.Equal(a, one.Add(3));
        long b = two.Add(3);
        Assert.NotEqual(a, b);
        await _h.Cache.DeleteMemoizedAsync(one.Add);
        long a2 = one.Add(3);
        Assert.NotEqual(a, a2);
        Assert.Equal(b, two.Add(3));
        await _h.Cache.DeleteMemoizedAsync(() => two.Add(3));
        Assert.NotEqual(b, two.Add(3));
        Assert.Equal(a2, one.Add(3));
        await _h.Cache.DeleteMemoizedAsync(typeof(ClassAdder).GetMethod(nameof(ClassAdder.Add))!);
        Assert.NotEqual(a2, one.Add(3));
    }

    [Fact]
    public void A_method_without_an_attribute_runs_its_own_body()
    {
        ClassAdder adder = _h.Get<ClassAdder>();
        Assert.NotEqual(adder.NotCached(), adder.NotCached());
    }

    [Fact]
    public async Task A_named_policy_supplies_unless_forced_update_and_the_timeout()
    {
        ClassAdder adder = _h.Get<ClassAdder>();
        Assert.NotEqual(await adder.GuardedAsync(-1), await adder.GuardedAsync(-1));
        long a = await adder.GuardedAsync(1);
        Assert.Equal(a, await adder.GuardedAsync(1));
        _forced.Add(1);
        long forced = await adder.GuardedAsync(1);
        Assert.NotEqual(a, forced);
        _forced.Clear();
        Assert.Equal(forced, await adder.GuardedAsync(1));
        _h.Memo.Advance(31);
        Assert.NotEqual(forced, await adder.GuardedAsync(1));
    }

    [Fact]
    public async Task A_cached_method_is_stored_under_its_key_prefix()
    {
        ClassAdder adder = _h.Get<ClassAdder>();
        string first = adder.Report();
        Assert.Equal(first, adder.Report());
        Assert.Equal(first, await _h.Cache.GetAsync("report"));
        await _h.Cache.DeleteAsync("report");
        Assert.NotEqual(first, adder.Report());
    }

    [Fact]
    public async Task A_method_naming_a_keyed_cache_is_memoized_there()
    {
        ClassAdder adder = _h.Get<ClassAdder>();
        long a = adder.OtherCache(5);
        Assert.Equal(a, adder.OtherCache(5));
        await _h.Memo.Cache.ClearAsync();
        Assert.Equal(a, adder.OtherCache(5));
        await _h.Other.Cache.ClearAsync();
        Assert.NotEqual(a, adder.OtherCache(5));
    }
}
