using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.GrainMemoize;

/// <summary>
/// <c>[Memoize]</c> on grain interface methods, honoured by the outgoing call filter of <c>AddMemoizedGrainCalls</c>: run over a local silo
/// (Local.Tests) and over a three-silo TestCluster's client (Cluster.Tests links this file).
/// </summary>
public abstract class GrainMemoizeTests
{
    protected abstract IGrainFactory Grains { get; }

    protected abstract Cache Cache { get; }

    /// <summary>Moves the clock that decides the cache's expiry.</summary>
    protected abstract Task AdvanceAsync(TimeSpan delta);

    /// <summary>Registers what every harness needs on the calling side: the filter and the quote policy.</summary>
    public static void AddMemoizedPriceCalls(IServiceCollection services)
    {
        services.AddMemoizedGrainCalls();
        services.AddMemoizePolicy(PriceGrain.QuotePolicy, options =>
        {
            options.Timeout = 300;
            options.Unless = invocation => invocation.Arguments[0] is "uncached"
                || (invocation.Instance is MemoizedGrainCall call && call.GrainId.Key.StartsWith("never-", StringComparison.Ordinal));
            options.ForcedUpdate = _ => ForceUpdate.Value;
        });
    }

    /// <summary>Makes the quote policy's ForcedUpdate say yes for calls in the current async flow (the filter runs in the caller's).</summary>
    protected static AsyncLocal<bool> ForceUpdate { get; } = new();

    protected static string NewKey(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_hit_answers_without_reaching_the_grain()
    {
        string key = NewKey("hit");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);

        decimal first = await grain.GetPriceAsync("abc");
        decimal second = await grain.GetPriceAsync("abc");

        Assert.Equal(1003m, first);
        Assert.Equal(first, second);
        Assert.Equal(1, PriceGrainCalls.Of(key));
        Assert.Equal(1, await grain.GetCallsAsync());
    }

    [Fact]
    public async Task A_method_without_Memoize_reaches_the_grain_every_time()
    {
        string key = NewKey("plain");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);
        await grain.GetPriceAsync("a");

        Assert.Equal(1, await grain.GetCallsAsync());
        await grain.GetPriceAsync("b");
        Assert.Equal(2, await grain.GetCallsAsync());
    }

    [Fact]
    public async Task Different_arguments_and_different_grains_are_different_entries()
    {
        string one = NewKey("args-one");
        string two = NewKey("args-two");

        decimal a = await Grains.GetGrain<IPriceGrain>(one).GetPriceAsync("a");
        decimal bb = await Grains.GetGrain<IPriceGrain>(one).GetPriceAsync("bb");
        decimal otherGrain = await Grains.GetGrain<IPriceGrain>(two).GetPriceAsync("a");

        Assert.Equal(1001m, a);
        Assert.Equal(2002m, bb);
        Assert.Equal(1001m, otherGrain);
        Assert.Equal(2, PriceGrainCalls.Of(one));
        Assert.Equal(1, PriceGrainCalls.Of(two));
        Assert.Equal(a, await Grains.GetGrain<IPriceGrain>(one).GetPriceAsync("a"));
        Assert.Equal(otherGrain, await Grains.GetGrain<IPriceGrain>(two).GetPriceAsync("a"));
        Assert.Equal(2, PriceGrainCalls.Of(one));
        Assert.Equal(1, PriceGrainCalls.Of(two));
    }

    [Fact]
    public async Task A_result_expires_after_the_attribute_timeout()
    {
        string key = NewKey("expiry");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);
        decimal first = await grain.GetPriceAsync("x");

        await AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(first, await grain.GetPriceAsync("x"));
        Assert.Equal(1, PriceGrainCalls.Of(key));

        await AdvanceAsync(TimeSpan.FromSeconds(31));
        decimal renewed = await grain.GetPriceAsync("x");
        Assert.Equal(2001m, renewed);
        Assert.Equal(2, PriceGrainCalls.Of(key));
    }

    [Fact]
    public async Task Unless_from_the_policy_bypasses_the_cache()
    {
        string key = NewKey("unless");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);

        Assert.Equal("uncached@1", await grain.GetQuoteAsync("uncached"));
        Assert.Equal("uncached@2", await grain.GetQuoteAsync("uncached"));
        Assert.Equal("cached@3", await grain.GetQuoteAsync("cached"));
        Assert.Equal("cached@3", await grain.GetQuoteAsync("cached"));
        Assert.Equal(3, PriceGrainCalls.Of(key));
    }

    [Fact]
    public async Task Unless_from_the_policy_sees_the_grain_id()
    {
        string key = NewKey("never");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);

        Assert.Equal("q@1", await grain.GetQuoteAsync("q"));
        Assert.Equal("q@2", await grain.GetQuoteAsync("q"));
    }

    [Fact]
    public async Task ForcedUpdate_from_the_policy_recomputes_and_stores_the_new_result()
    {
        string key = NewKey("forced");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);
        Assert.Equal("q@1", await grain.GetQuoteAsync("q"));
        Assert.Equal("q@1", await grain.GetQuoteAsync("q"));

        ForceUpdate.Value = true;
        Assert.Equal("q@2", await grain.GetQuoteAsync("q"));
        ForceUpdate.Value = false;

        Assert.Equal("q@2", await grain.GetQuoteAsync("q"));
        Assert.Equal(2, PriceGrainCalls.Of(key));
    }

    [Fact]
    public async Task DeleteMemoizedAsync_on_a_grain_method_group_resets_that_grain_only()
    {
        string one = NewKey("del-one");
        string two = NewKey("del-two");
        IPriceGrain first = Grains.GetGrain<IPriceGrain>(one);
        IPriceGrain second = Grains.GetGrain<IPriceGrain>(two);
        decimal a = await first.GetPriceAsync("a");
        decimal b = await second.GetPriceAsync("a");

        await Cache.DeleteMemoizedAsync(first.GetPriceAsync);

        Assert.NotEqual(a, await first.GetPriceAsync("a"));
        Assert.Equal(b, await second.GetPriceAsync("a"));
        Assert.Equal(2, PriceGrainCalls.Of(one));
        Assert.Equal(1, PriceGrainCalls.Of(two));
    }

    [Fact]
    public async Task DeleteMemoizedAsync_on_the_interface_method_resets_every_grain()
    {
        string one = NewKey("all-one");
        string two = NewKey("all-two");
        await Grains.GetGrain<IPriceGrain>(one).GetPriceAsync("a");
        await Grains.GetGrain<IPriceGrain>(two).GetPriceAsync("a");

        await Cache.DeleteMemoizedAsync(typeof(IPriceGrain).GetMethod(nameof(IPriceGrain.GetPriceAsync))!);

        Assert.Equal(2001m, await Grains.GetGrain<IPriceGrain>(one).GetPriceAsync("a"));
        Assert.Equal(2001m, await Grains.GetGrain<IPriceGrain>(two).GetPriceAsync("a"));
    }

    [Fact]
    public async Task DeleteMemoizedAsync_with_a_call_expression_deletes_exactly_that_entry()
    {
        string key = NewKey("expr");
        IPriceGrain grain = Grains.GetGrain<IPriceGrain>(key);
        decimal a = await grain.GetPriceAsync("a");
        decimal bb = await grain.GetPriceAsync("bb");

        await Cache.DeleteMemoizedAsync(() => grain.GetPriceAsync("a"));

        Assert.Equal(3001m, await grain.GetPriceAsync("a"));
        Assert.Equal(bb, await grain.GetPriceAsync("bb"));
        Assert.NotEqual(a, await grain.GetPriceAsync("a"));
    }
}
