using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching;

/// <summary>
/// The intercepted methods of one <c>AddMemoized</c> registration, found and validated when the service is registered, so an
/// attribute on a method that cannot be cached fails at startup with a message naming the method, never at call time.
/// </summary>
internal sealed class InterceptionPlan
{
    private const BindingFlags InstanceMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    private readonly Dictionary<RuntimeMethodHandle, InterceptedMethod> _byInvoked;

    private InterceptionPlan(Type serviceType, Type implementationType, bool isClassProxy, List<(MethodInfo Invoked, InterceptedMethod Method)> methods)
    {
        ServiceType = serviceType;
        ImplementationType = implementationType;
        IsClassProxy = isClassProxy;
        _byInvoked = [];
        foreach ((MethodInfo invoked, InterceptedMethod method) in methods)
        {
            _byInvoked[invoked.MethodHandle] = method;
            _byInvoked.TryAdd(invoked.GetBaseDefinition().MethodHandle, method);
        }

        Methods = methods.Select(m => m.Method).Distinct().ToArray();
        CacheNames = Methods.Select(m => m.CacheName).Distinct().ToArray();
    }

    /// <summary>Gets the service type (the interface, or the class for class proxies).</summary>
    public Type ServiceType { get; }

    /// <summary>Gets the implementation type.</summary>
    public Type ImplementationType { get; }

    /// <summary>Gets a value indicating whether the proxy is a subclass of the implementation (virtual methods) rather than an interface proxy.</summary>
    public bool IsClassProxy { get; }

    /// <summary>Gets the intercepted methods.</summary>
    public IReadOnlyList<InterceptedMethod> Methods { get; }

    /// <summary>Gets the distinct cache names the methods use (<see langword="null"/> = the default cache).</summary>
    public IReadOnlyList<string?> CacheNames { get; }

    /// <summary>Finds the intercepted method behind the method a proxy was called through.</summary>
    /// <param name="invoked">The invocation's method.</param>
    /// <param name="method">The intercepted method.</param>
    /// <returns><see langword="true"/> if the method carries an attribute.</returns>
    public bool TryGet(MethodInfo invoked, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InterceptedMethod? method)
        => _byInvoked.TryGetValue(invoked.MethodHandle, out method);

    /// <summary>Builds the plan of an interface proxy: attributes on the interface's methods or on their implementations.</summary>
    /// <param name="serviceType">The interface.</param>
    /// <param name="implementationType">The implementation class.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidOperationException">An attributed method cannot be cached or intercepted.</exception>
    public static InterceptionPlan ForInterface(Type serviceType, Type implementationType)
    {
        if (!serviceType.IsInterface)
        {
            throw new InvalidOperationException($"AddMemoized<{serviceType.Name}, {implementationType.Name}>: {serviceType.FullName} is not an interface; use AddMemoized<{implementationType.Name}>() for a class proxy over virtual methods.");
        }

        var methods = new List<(MethodInfo, InterceptedMethod)>();
        var mapped = new HashSet<MethodInfo>();
        foreach (Type contract in (Type[])[serviceType, .. serviceType.GetInterfaces()])
        {
            InterfaceMapping map = implementationType.GetInterfaceMap(contract);
            for (int i = 0; i < map.InterfaceMethods.Length; i++)
            {
                MethodInfo implementation = map.TargetMethods[i];
                mapped.Add(implementation);
                if (Analyse(map.InterfaceMethods[i], implementation, map.InterfaceMethods[i], classProxy: false) is { } method)
                {
                    methods.Add((map.InterfaceMethods[i], method));
                }
            }
        }

        foreach (MethodInfo candidate in implementationType.GetMethods(InstanceMethods))
        {
            if (!mapped.Contains(candidate) && HasAttribute(candidate))
            {
                throw new InvalidOperationException($"{Attributes(candidate)} on {Describe(candidate)} cannot take effect: the method is not part of {serviceType.FullName}, and an interface proxy intercepts only the interface's methods. Add it to the interface, or register the class with AddMemoized<{implementationType.Name}>() and make it virtual.");
            }
        }

        return new InterceptionPlan(serviceType, implementationType, isClassProxy: false, methods);
    }

    /// <summary>Builds the plan of a class proxy: attributes on the class's (virtual) methods.</summary>
    /// <param name="implementationType">The class.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidOperationException">An attributed method cannot be cached or is not overridable.</exception>
    public static InterceptionPlan ForClass(Type implementationType)
    {
        if (!implementationType.IsClass || implementationType.IsSealed || implementationType.IsAbstract)
        {
            throw new InvalidOperationException($"AddMemoized<{implementationType.Name}>: a class proxy needs a non-sealed, non-abstract class; {implementationType.FullName} is not one.");
        }

        var methods = new List<(MethodInfo, InterceptedMethod)>();
        foreach (MethodInfo candidate in implementationType.GetMethods(InstanceMethods))
        {
            if (Analyse(candidate, candidate, contract: null, classProxy: true) is { } method)
            {
                methods.Add((candidate, method));
            }
        }

        return new InterceptionPlan(implementationType, implementationType, isClassProxy: true, methods);
    }

    /// <summary>Finds the <see cref="MemoizeAttribute"/> methods of a grain interface (and the interfaces it extends), for
    /// <c>AddMemoizedGrainCalls</c>: requests name methods by name, so a memoized method must not share its name with another.</summary>
    /// <param name="grainInterface">The grain interface.</param>
    /// <returns>The memoized methods (none for most interfaces).</returns>
    /// <exception cref="InvalidOperationException">An attributed method cannot be cached, carries <see cref="CachedAttribute"/>, or is overloaded.</exception>
    public static IReadOnlyList<InterceptedMethod> ForGrainInterface(Type grainInterface)
    {
        var methods = new List<InterceptedMethod>();
        MethodInfo[] all = [.. ((Type[])[grainInterface, .. grainInterface.GetInterfaces()]).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))];
        foreach (MethodInfo method in all)
        {
            if (method.IsDefined(typeof(CachedAttribute), inherit: true))
            {
                throw new InvalidOperationException($"[Cached] on the grain interface method {Describe(method)} is not supported: grain calls are memoized. Use [Memoize].");
            }

            if (Analyse(method, method, method, classProxy: false) is not { } memoized)
            {
                continue;
            }

            if (all.Count(m => m.Name == method.Name) > 1)
            {
                throw new InvalidOperationException($"[Memoize] on {Describe(method)} cannot take effect: grain requests name their method by name, and {grainInterface.FullName} has several methods named {method.Name}. Give the memoized method a name of its own.");
            }

            methods.Add(memoized);
        }

        return methods;
    }

    /// <summary>Describes a method for messages: <c>Full.Type.Name.Method</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The text.</returns>
    public static string Describe(MethodInfo method) => (method.DeclaringType?.FullName ?? "?") + "." + method.Name;

    private static bool HasAttribute(MethodInfo method)
        => method.IsDefined(typeof(MemoizeAttribute), inherit: true) || method.IsDefined(typeof(CachedAttribute), inherit: true);

    private static string Attributes(MethodInfo method)
        => method.IsDefined(typeof(MemoizeAttribute), inherit: true) ? "[Memoize]" : "[Cached]";

    private static InterceptedMethod? Analyse(MethodInfo invoked, MethodInfo implementation, MethodInfo? contract, bool classProxy)
    {
        MemoizeAttribute? memoize = implementation.GetCustomAttribute<MemoizeAttribute>(inherit: true) ?? contract?.GetCustomAttribute<MemoizeAttribute>(inherit: true);
        CachedAttribute? cached = implementation.GetCustomAttribute<CachedAttribute>(inherit: true) ?? contract?.GetCustomAttribute<CachedAttribute>(inherit: true);
        if (memoize is null && cached is null)
        {
            return null;
        }

        string name = memoize is not null ? "[Memoize]" : "[Cached]";
        string where = Describe(invoked);
        if (memoize is not null && cached is not null)
        {
            throw new InvalidOperationException($"{where} has both [Memoize] and [Cached]; keep one.");
        }

        if (classProxy && (!implementation.IsVirtual || implementation.IsFinal))
        {
            throw new InvalidOperationException($"{name} on {where} cannot take effect: the method is not virtual (or is sealed), so a class proxy cannot intercept it. Make it virtual, or register an interface with AddMemoized<TService, TImplementation>().");
        }

        if (classProxy && !(implementation.IsPublic || implementation.IsFamily || implementation.IsFamilyOrAssembly))
        {
            throw new InvalidOperationException($"{name} on {where} cannot take effect: a class proxy intercepts only public or protected virtual methods.");
        }

        if (implementation.IsGenericMethodDefinition || invoked.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"{name} on {where} is not supported: generic methods cannot be intercepted for caching. Use a non-generic method or cache.Memoize(...).");
        }

        Type returnType = implementation.ReturnType;
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            throw new InvalidOperationException($"{name} cannot be applied to {where}: it returns {(returnType == typeof(void) ? "void" : returnType.Name)}, so there is no result to cache. Return a value, Task<T> or ValueTask<T>.");
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            throw new InvalidOperationException($"{name} on {where} is not supported: IAsyncEnumerable<T> results are cached by cache.Memoize/cache.Cached wrappers, not by the interceptor. Return Task<List<T>> instead.");
        }

        foreach (ParameterInfo parameter in implementation.GetParameters())
        {
            Type type = parameter.ParameterType;
            if (type.IsByRef || type.IsByRefLike || type.IsPointer)
            {
                string kind = parameter.IsOut ? "out" : parameter.IsIn ? "in" : type.IsByRef ? "ref" : "a pointer or ref struct";
                throw new InvalidOperationException($"{name} cannot be applied to {where}: parameter '{parameter.Name}' is {kind}; only by-value parameters can be keyed and passed through.");
            }
        }

        if ((memoize?.HashMethod ?? cached?.HashMethod) is { } hashName && InterceptionPolicies.FindHashMethod(hashName) is null)
        {
            throw new InvalidOperationException($"{name} on {where}: HashMethod '{hashName}' is unknown; use one of {string.Join(", ", CacheHashMethod.All.Select(h => h.Name))}.");
        }

        Type[] types = [.. implementation.GetParameters().Select(p => p.ParameterType), returnType];
        DecoratorSignature signature;
        try
        {
            signature = DecoratorSignature.For(Expression.GetDelegateType(types), name);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{name} cannot be applied to {where}: {ex.Message}", ex);
        }

        return new InterceptedMethod(memoize is not null ? InterceptedKind.Memoize : InterceptedKind.Cached, implementation, contract, (Attribute?)memoize ?? cached!, signature);
    }
}
