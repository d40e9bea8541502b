using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>A counter: the template for hand-written grain interfaces, references and requests.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    ValueTask<int> IncrementAsync(CancellationToken cancellationToken = default);

    ValueTask<int> GetAsync(CancellationToken cancellationToken = default);
}
