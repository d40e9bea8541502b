using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Orleans.Caching;

/// <summary>
/// The memoized functions of one <see cref="Cache"/>, so <c>DeleteMemoizedAsync</c> can be given a method group, an
/// expression or a <see cref="MethodInfo"/> and find how the method was memoized. Filled by <c>Memoize</c>; the latest
/// registration of a method wins.
/// </summary>
internal sealed class MemoizeRegistry
{
    private readonly ConcurrentDictionary<MethodInfo, MemoizeDescriptor> _byMethod = new();
    private readonly ConditionalWeakTable<Delegate, MemoizeBinding> _byInvoke = new();
    private readonly ConcurrentDictionary<InterceptedMethod, Lazy<InterceptedState>> _intercepted = new();

    /// <summary>Returns the state of an intercepted method (<see cref="MemoizeAttribute"/>/<see cref="CachedAttribute"/>) in this cache, created once.</summary>
    /// <param name="method">The method.</param>
    /// <param name="create">Creates the state.</param>
    /// <returns>The state.</returns>
    public InterceptedState GetOrAddIntercepted(InterceptedMethod method, Func<InterceptedState> create)
    {
        Lazy<InterceptedState> state = _intercepted.GetOrAdd(method, static (_, c) => new Lazy<InterceptedState>(c), create);
        try
        {
            return state.Value;
        }
        catch
        {
            // A failed creation (a missing policy) is not cached: the next resolution reports it again.
            _intercepted.TryRemove(new KeyValuePair<InterceptedMethod, Lazy<InterceptedState>>(method, state));
            throw;
        }
    }

    /// <summary>Records the descriptor of an intercepted method under its implementation method and, for interface proxies, the interface method.</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="contract">The interface method, or <see langword="null"/>.</param>
    public void RegisterIntercepted(MemoizeDescriptor descriptor, MethodInfo? contract)
    {
        _byMethod[descriptor.Method] = descriptor;
        if (contract is not null)
        {
            _byMethod[contract] = descriptor;
        }
    }

    /// <summary>Records a wrapper.</summary>
    /// <param name="binding">The wrapper's binding.</param>
    /// <param name="invoke">The wrapper's memoizing delegate.</param>
    public void Register(MemoizeBinding binding, Delegate invoke)
    {
        _byMethod[binding.Descriptor.Method] = binding.Descriptor;
        _byInvoke.AddOrUpdate(invoke, binding);
    }

    /// <summary>Finds the wrapper whose <c>Invoke</c> delegate this is.</summary>
    /// <param name="invoke">The delegate.</param>
    /// <param name="binding">The wrapper's binding.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool TryGetInvoke(Delegate invoke, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemoizeBinding? binding)
        => _byInvoke.TryGetValue(invoke, out binding);

    /// <summary>Finds how a method was memoized: exactly, through the implementation an instance runs (interface or virtual
    /// methods), or through a shared base definition.</summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">The instance it is called on, if any.</param>
    /// <returns>The descriptor, or <see langword="null"/>.</returns>
    public MemoizeDescriptor? Find(MethodInfo method, object? instance)
    {
        if (_byMethod.TryGetValue(method, out MemoizeDescriptor? exact))
        {
            return exact;
        }

        if (instance is not null && method.DeclaringType is { IsInterface: true } contract && contract.IsInstanceOfType(instance))
        {
            InterfaceMapping map = instance.GetType().GetInterfaceMap(contract);
            int index = Array.IndexOf(map.InterfaceMethods, method);
            if (index >= 0 && _byMethod.TryGetValue(map.TargetMethods[index], out MemoizeDescriptor? implementation))
            {
                return implementation;
            }
        }

        // A class method implementing a memoized interface method: a grain reference's method group (AddMemoizedGrainCalls).
        if (instance is not null && method.DeclaringType is { IsInterface: false } declaring && declaring.IsInstanceOfType(instance))
        {
            foreach (Type implemented in instance.GetType().GetInterfaces())
            {
                InterfaceMapping map = instance.GetType().GetInterfaceMap(implemented);
                int index = Array.IndexOf(map.TargetMethods, method);
                if (index >= 0 && _byMethod.TryGetValue(map.InterfaceMethods[index], out MemoizeDescriptor? viaInterface))
                {
                    return viaInterface;
                }
            }
        }

        MethodInfo baseDefinition = method.GetBaseDefinition();
        Type? runtimeType = instance?.GetType();
        return _byMethod.Values.FirstOrDefault(d => d.Method.GetBaseDefinition() == baseDefinition
            && (runtimeType is null || d.Method.DeclaringType?.IsAssignableFrom(runtimeType) == true));
    }
}
