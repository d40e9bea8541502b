using Castle.DynamicProxy;

namespace Orleans.Caching;

/// <summary>
/// The Castle DynamicProxy interceptor of one proxied service instance: methods carrying <see cref="MemoizeAttribute"/> run through
/// the memoize engine, methods carrying <see cref="CachedAttribute"/> through the cached call flow, every other method proceeds.
/// </summary>
/// <remarks>
/// The instance keyed (identity token and per-instance version) is the proxy's target for interface proxies and the proxy itself
/// for class proxies; <see cref="ProxyTargets"/> maps a proxy to the same identity when it is given to <c>DeleteMemoizedAsync</c>.
/// Per call: one dictionary lookup, the argument array with the instance first, and the engine's own work; no reflection.
/// </remarks>
internal sealed class CachingInterceptor : IInterceptor
{
    private readonly InterceptionPlan _plan;
    private readonly InterceptionPolicies _policies;
    private readonly Cache[] _caches;

    /// <summary>Initializes a new instance of the <see cref="CachingInterceptor"/> class, resolving the caches and binding every
    /// intercepted method to its cache (so deletes find the methods before their first call).</summary>
    /// <param name="plan">The registration's plan.</param>
    /// <param name="policies">The named policies.</param>
    /// <param name="resolveCache">Resolves a cache by name (<see langword="null"/> = default).</param>
    public CachingInterceptor(InterceptionPlan plan, InterceptionPolicies policies, Func<string?, Cache> resolveCache)
    {
        _plan = plan;
        _policies = policies;
        _caches = new Cache[plan.Methods.Count];
        for (int i = 0; i < _caches.Length; i++)
        {
            InterceptedMethod method = plan.Methods[i];
            _caches[i] = resolveCache(method.CacheName);
            method.StateFor(_caches[i], policies);
        }
    }

    /// <inheritdoc/>
    public void Intercept(IInvocation invocation)
    {
        if (!_plan.TryGet(invocation.Method, out InterceptedMethod? method))
        {
            invocation.Proceed();
            return;
        }

        InterceptedState state = method.StateFor(CacheOf(method), _policies);
        object?[] arguments = invocation.Arguments;
        object?[] withInstance = new object?[arguments.Length + 1];
        withInstance[0] = invocation.InvocationTarget;
        Array.Copy(arguments, 0, withInstance, 1, arguments.Length);
        int tokenIndex = method.Signature.CancellationTokenIndex;
        CancellationToken cancellationToken = tokenIndex >= 0 ? (CancellationToken)arguments[tokenIndex]! : default;

        ValueTask<object?> pending = state.Memoize is { } binding
            ? MemoizeEngine.InvokeAsync(binding, withInstance, cancellationToken)
            : state.Cached!.InvokeAsync(
                new CacheInvocation(method.OpenFunction, method.Implementation, invocation.InvocationTarget, arguments, cancellationToken),
                () => method.FromReturn(method.Call(withInstance)));
        invocation.ReturnValue = method.ToReturn(pending);
    }

    private Cache CacheOf(InterceptedMethod method)
    {
        IReadOnlyList<InterceptedMethod> methods = _plan.Methods;
        for (int i = 0; i < methods.Count; i++)
        {
            if (ReferenceEquals(methods[i], method))
            {
                return _caches[i];
            }
        }

        throw new InvalidOperationException($"{method} is not part of this proxy's plan.");
    }
}
