using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The outgoing grain call filter of <c>AddMemoizedGrainCalls</c>: a call to a grain interface method carrying <see cref="MemoizeAttribute"/>
/// runs through the memoize engine, keyed like <c>cache.Memoize</c> on the interface method with the grain (its <see cref="GrainId"/>) as
/// <c>self</c>; a hit answers the call without reaching the grain. Every other call passes straight through.
/// </summary>
/// <remarks>
/// Plans are built once per interface: for every <see cref="GrainInterfaceRegistration"/> of the container when the filter is created (so a
/// <c>[Memoize]</c> method that cannot be cached fails when the grain factory is built), and on the first call for any other interface. Per
/// call: one dictionary lookup by interface type (a fast negative for the cache's own grains), one by method name, then the engine's work.
/// The caches are resolved on the first memoized call, not when the filter is created, so the filter may be built while a cache is.
/// </remarks>
internal sealed class MemoizeGrainCallFilter : IOutgoingGrainCallFilter
{
    private static readonly Func<Delegate, object?[], ValueTask<object?>> s_proceed = static (_, arguments) => ((MemoizedGrainCall)arguments[0]!).ProceedAsync();

    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Type, GrainMemoizePlan> _plans = new();
    private readonly ConcurrentDictionary<string, Cache> _namedCaches = new(StringComparer.Ordinal);
    private InterceptionPolicies? _policies;
    private Cache? _defaultCache;

    /// <summary>Initializes a new instance of the <see cref="MemoizeGrainCallFilter"/> class and plans the registered grain interfaces.</summary>
    /// <param name="services">The container (grain interface registrations, caches, policies, loggers).</param>
    /// <exception cref="InvalidOperationException">A <c>[Memoize]</c> grain method cannot be cached.</exception>
    public MemoizeGrainCallFilter(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger<MemoizeGrainCallFilter>() ?? NullLogger<MemoizeGrainCallFilter>.Instance;
        foreach (GrainInterfaceRegistration registration in services.GetServices<GrainInterfaceRegistration>())
        {
            _plans.GetOrAdd(registration.InterfaceType, Plan);
        }
    }

    /// <inheritdoc/>
    public ValueTask InvokeAsync(IGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        GrainRequest request = context.Request;
        Type grainInterface = request.InterfaceType;
        if (!_plans.TryGetValue(grainInterface, out GrainMemoizePlan? plan))
        {
            plan = _plans.GetOrAdd(grainInterface, Plan);
        }

        return !plan.IsEmpty && plan.TryGet(request.MethodName, out InterceptedMethod? method)
            ? InvokeMemoizedAsync(context, method)
            : context.InvokeAsync();
    }

    private async ValueTask InvokeMemoizedAsync(IGrainCallContext context, InterceptedMethod method)
    {
        InterceptedState state = method.StateFor(CacheOf(method), Policies, s_proceed);
        GrainRequest request = context.Request;
        int count = request.ArgumentCount;
        var arguments = new object?[count + 1];
        arguments[0] = new MemoizedGrainCall(context);
        for (int i = 0; i < count; i++)
        {
            arguments[i + 1] = request.GetArgument(i);
        }

        context.Result = await MemoizeEngine.InvokeAsync(state.Memoize!, arguments, context.CancellationToken).ConfigureAwait(false);
    }

    private GrainMemoizePlan Plan(Type grainInterface)
    {
        GrainMemoizePlan plan = GrainMemoizePlan.For(grainInterface);
        if (!plan.IsEmpty)
        {
            Log.GrainMemoizePlanned(_logger, grainInterface, string.Join(", ", plan.Methods.Select(m => m.Implementation.Name)));
        }

        return plan;
    }

    private InterceptionPolicies Policies
        => _policies ??= _services.GetService<IOptions<InterceptionPolicies>>()?.Value ?? new InterceptionPolicies();

    private Cache CacheOf(InterceptedMethod method)
    {
        if (method.CacheName is not { } name)
        {
            return _defaultCache ??= _services.GetService<Cache>()
                ?? throw new InvalidOperationException($"{method} has [Memoize] but no Cache is registered: call services.AddOrleansCaching(...) in the services that call the grain.");
        }

        return _namedCaches.TryGetValue(name, out Cache? cache) ? cache : _namedCaches.GetOrAdd(name, n => _services.GetKeyedService<Cache>(n)
            ?? throw new InvalidOperationException($"{method} has [Memoize] using the cache '{n}', which is not registered: add it under Caching:Instances:{n}."));
    }
}
