using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Tests.GrainMemoize;

/// <summary>The grain-call memoize tests over a local silo (the application's own container) memoizing into a Local cache, on a fake clock.</summary>
public sealed class LocalSiloGrainMemoizeTests : GrainMemoizeTests, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services;

    public LocalSiloGrainMemoizeTests()
    {
        _services = CreateServices(_clock, AddMemoizedPriceCalls);
    }

    protected override IGrainFactory Grains => _services.GetRequiredService<LocalSilo>().GrainFactory;

    protected override Cache Cache => _services.GetRequiredService<Cache>();

    /// <summary>A local silo hosting <see cref="PriceGrain"/>, a Local cache, and whatever <paramref name="configure"/> adds.</summary>
    internal static ServiceProvider CreateServices(FakeTimeProvider clock, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IGrainStorage>(NullGrainStorage.Instance);
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Type"] = "Local" }).Build());
        services.AddOrleansCachingSiloCore();
        PriceGrain.Register(services);
        configure(services);
        return services.BuildServiceProvider();
    }

    protected override Task AdvanceAsync(TimeSpan delta)
    {
        _clock.Advance(delta);
        return Task.CompletedTask;
    }

    public Task InitializeAsync() => _services.GetRequiredService<LocalSilo>().StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _services.GetRequiredService<LocalSilo>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task The_cache_grains_are_memoized_into_a_Local_cache_and_the_silo_grain_factory_runs_the_filter()
    {
        Assert.IsType<GrainCache>(Cache.Backend);
        Assert.Contains(_services.GetServices<IOutgoingGrainCallFilter>(), f => f is MemoizeGrainCallFilter);
        string key = NewKey("factory");
        IPriceGrain grain = _services.GetRequiredService<IGrainFactory>().GetGrain<IPriceGrain>(key);

        Assert.Equal(await grain.GetPriceAsync("a"), await grain.GetPriceAsync("a"));
        Assert.Equal(1, PriceGrainCalls.Of(key));
    }

    [Fact]
    public async Task Deleting_a_grain_method_never_called_through_the_filter_says_why_it_is_unknown()
    {
        await using ServiceProvider fresh = CreateServices(new FakeTimeProvider(), AddMemoizedPriceCalls);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fresh.GetRequiredService<Cache>().DeleteMemoizedAsync(typeof(IPriceGrain).GetMethod(nameof(IPriceGrain.GetPriceAsync))!));

        Assert.Contains("on its first call through the filter of services.AddMemoizedGrainCalls()", ex.Message, StringComparison.Ordinal);
    }
}
