using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>A grain whose behaviour each test supplies as a request body.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    ValueTask<T> CallAsync<T>(ProbeRequest<T> request, CancellationToken cancellationToken = default);
}

internal sealed class ProbeGrainReference(GrainId grainId, IGrainCallInvoker invoker) : GrainReference(grainId, invoker), IProbeGrain
{
    public ValueTask<T> CallAsync<T>(ProbeRequest<T> request, CancellationToken cancellationToken = default) => InvokeAsync(request, cancellationToken);
}
