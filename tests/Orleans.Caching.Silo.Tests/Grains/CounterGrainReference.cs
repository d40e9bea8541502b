using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>The reference: each interface method builds its request object and hands it to the invoker.</summary>
internal sealed class CounterGrainReference(GrainId grainId, IGrainCallInvoker invoker) : GrainReference(grainId, invoker), ICounterGrain
{
    public ValueTask<int> IncrementAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(new CounterRequests.Increment(), cancellationToken);

    public ValueTask<int> GetAsync(CancellationToken cancellationToken = default)
        => InvokeAsync(CounterRequests.Get.Instance, cancellationToken);
}
