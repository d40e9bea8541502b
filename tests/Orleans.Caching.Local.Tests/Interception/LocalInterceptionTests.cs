using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Interception;

public interface ILocalCounter
{
    [Memoize(60)]
    long Add(int b);

    [Memoize]
    Task<long> AddAsync(int b);
}

public sealed class LocalCounter : ILocalCounter
{
    private static long s_next;

    public long Add(int b) => b + (Interlocked.Increment(ref s_next) * 1000);

    public async Task<long> AddAsync(int b)
    {
        await Task.Yield();
        return b + (Interlocked.Increment(ref s_next) * 1000);
    }
}

public sealed class LocalInterceptionTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public LocalInterceptionTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Type"] = "Local" }).Build());
        services.AddMemoized<ILocalCounter, LocalCounter>(ServiceLifetime.Transient);
        _services = services.BuildServiceProvider();
    }

    private Cache Cache => _services.GetRequiredService<Cache>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Memoized_methods_over_Local_hit_per_instance_and_a_method_group_delete_resets_one_instance()
    {
        Assert.IsType<GrainCache>(Cache.Backend);
        ILocalCounter one = _services.GetRequiredService<ILocalCounter>();
        ILocalCounter two = _services.GetRequiredService<ILocalCounter>();
        long a = one.Add(3);
        long b = two.Add(3);
        Assert.Equal(a, one.Add(3));
        Assert.NotEqual(a, b);
        await Cache.DeleteMemoizedAsync(one.Add);
        Assert.NotEqual(a, one.Add(3));
        Assert.Equal(b, two.Add(3));
    }

    [Fact]
    public async Task Task_methods_over_Local_are_memoized_and_an_expression_deletes_exactly_one_entry()
    {
        ILocalCounter counter = _services.GetRequiredService<ILocalCounter>();
        long a3 = await counter.AddAsync(3);
        long a4 = await counter.AddAsync(4);
        Assert.Equal(a3, await counter.AddAsync(3));
        await Cache.DeleteMemoizedAsync(() => counter.AddAsync(3));
        Assert.NotEqual(a3, await counter.AddAsync(3));
        Assert.Equal(a4, await counter.AddAsync(4));
    }

    [Fact]
    public async Task The_method_info_over_Local_invalidates_every_instance()
    {
        ILocalCounter one = _services.GetRequiredService<ILocalCounter>();
        ILocalCounter two = _services.GetRequiredService<ILocalCounter>();
        long a = one.Add(5);
        long b = two.Add(5);
        await Cache.DeleteMemoizedAsync(typeof(LocalCounter).GetMethod(nameof(LocalCounter.Add))!);
        Assert.NotEqual(a, one.Add(5));
        Assert.NotEqual(b, two.Add(5));
    }
}
