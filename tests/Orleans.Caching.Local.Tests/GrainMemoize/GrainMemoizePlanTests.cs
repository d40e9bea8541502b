using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Tests.GrainMemoize;

public interface ITaskOnlyGrain : IGrainWithStringKey
{
    [Memoize(60)]
    Task ResetAsync(string sku);
}

public interface IOverloadedGrain : IGrainWithStringKey
{
    [Memoize]
    Task<int> CountAsync(string sku);

    Task<int> CountAsync(string sku, int minimum);
}

public interface ICachedGrain : IGrainWithStringKey
{
    [Cached]
    Task<int> CountAsync();
}

public sealed class GrainMemoizePlanTests
{
    [Fact]
    public void A_Task_method_with_Memoize_is_refused_when_the_grain_factory_is_built()
    {
        using ServiceProvider services = LocalSiloGrainMemoizeTests.CreateServices(new FakeTimeProvider(), s =>
        {
            s.AddMemoizedGrainCalls();
            s.AddSingleton(new GrainInterfaceRegistration(typeof(ITaskOnlyGrain), new GrainType("task-only"), static (id, invoker) => new object()));
        });

        var ex = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<LocalSilo>());

        Assert.Contains("[Memoize] cannot be applied to Orleans.Caching.Tests.GrainMemoize.ITaskOnlyGrain.ResetAsync", ex.Message, StringComparison.Ordinal);
        Assert.Contains("it returns Task, so there is no result to cache", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Task_method_of_an_unregistered_interface_is_refused_on_its_first_call()
    {
        var filter = new MemoizeGrainCallFilter(new ServiceCollection().BuildServiceProvider());
        var context = new RecordingContext(new TaskOnlyRequest());

        var ex = Assert.Throws<InvalidOperationException>(() => filter.InvokeAsync(context));

        Assert.Contains("ITaskOnlyGrain.ResetAsync", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Invocations);
    }

    [Fact]
    public void An_overloaded_memoized_grain_method_is_refused_with_the_reason()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => GrainMemoizePlan.For(typeof(IOverloadedGrain)));

        Assert.Contains("several methods named CountAsync", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cached_on_a_grain_method_is_refused_in_favour_of_Memoize()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => GrainMemoizePlan.For(typeof(ICachedGrain)));

        Assert.Contains("Use [Memoize]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(ICacheEntryGrain))]
    [InlineData(typeof(IMemoizeVersionGrain))]
    public void The_cache_grains_have_an_empty_plan(Type grainInterface)
    {
        Assert.Same(GrainMemoizePlan.Empty, GrainMemoizePlan.For(grainInterface));
    }

    [Fact]
    public async Task A_call_of_an_interface_without_Memoize_passes_straight_through()
    {
        var filter = new MemoizeGrainCallFilter(new ServiceCollection().BuildServiceProvider());
        var context = new RecordingContext(new PriceRequests.GetCalls());

        await filter.InvokeAsync(context);

        Assert.Equal(1, context.Invocations);
    }

    [Fact]
    public void Without_filters_the_cluster_invoker_is_not_wrapped()
    {
        var inner = new RecordingInvoker();

        Assert.Same(inner, FilteredGrainCallInvoker.Create(inner, []));
        Assert.NotSame(inner, FilteredGrainCallInvoker.Create(inner, [new MemoizeGrainCallFilter(new ServiceCollection().BuildServiceProvider())]));
    }

    private sealed class TaskOnlyRequest : GrainRequest<bool>
    {
        public override string MethodName => nameof(ITaskOnlyGrain.ResetAsync);

        public override Type InterfaceType => typeof(ITaskOnlyGrain);

        public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }

    private sealed class RecordingContext(GrainRequest request) : IGrainCallContext
    {
        public int Invocations { get; private set; }

        public GrainId TargetId { get; } = new(new GrainType("recording"), "k");

        public GrainRequest Request { get; } = request;

        public object? Result { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;

        public ValueTask InvokeAsync()
        {
            Invocations++;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RecordingInvoker : IGrainCallInvoker
    {
        public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken) => default;
    }
}
