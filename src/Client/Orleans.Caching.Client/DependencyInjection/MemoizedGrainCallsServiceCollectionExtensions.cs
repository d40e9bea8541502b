using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Caching;
using Orleans.Caching.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Memoizes calls to grain interface methods carrying <see cref="MemoizeAttribute"/>, for callers of <see cref="IGrainFactory"/>.</summary>
public static class MemoizedGrainCallsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outgoing grain call filter that honours <see cref="MemoizeAttribute"/> on grain interface methods: a call such as
    /// <c>grains.GetGrain&lt;IPriceGrain&gt;("x").GetPriceAsync("a")</c> returns the memoized result without reaching the grain. Keys and
    /// versions are those of <c>cache.Memoize</c> on the interface method with the grain as <c>self</c> (its identity token is the grain id),
    /// so <c>cache.DeleteMemoizedAsync(grain.GetPriceAsync)</c> resets one grain and <c>DeleteMemoizedAsync(typeof(IPriceGrain).GetMethod(...)!)</c>
    /// every grain; named policies (<c>AddMemoizePolicy</c>) supply callbacks. Register it in the container whose runtime sends the calls: the
    /// silo's services in a local silo, the client's for <c>Caching:Type = Cluster</c> (<see cref="ClusterCacheClient.GrainFactory"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <remarks>A <c>[Memoize]</c> grain method that cannot be cached (returning <see cref="Task"/> or <see cref="ValueTask"/>, overloaded,
    /// carrying <c>[Cached]</c>) is refused with an <see cref="InvalidOperationException"/> when the filter is created, that is when the grain
    /// factory is built, for interfaces registered with a <see cref="GrainInterfaceRegistration"/> then; otherwise on the interface's first call.
    /// <c>DeleteMemoizedAsync</c> finds a grain method once it has been called through the filter.</remarks>
    public static IServiceCollection AddMemoizedGrainCalls(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, MemoizeGrainCallFilter>());
        return services;
    }
}
