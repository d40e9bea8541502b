using System.Reflection;
using Castle.DynamicProxy;

namespace Orleans.Caching;

/// <summary>Maps DynamicProxy proxies to what memoize keys: an interface proxy to its target (the instance the interceptor keys),
/// and a proxy's method to the interface method it implements.</summary>
internal static class ProxyTargets
{
    /// <summary>Returns the target of an interface proxy, else the object itself.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The object keyed for it.</returns>
    public static object? Unwrap(object? value)
        => value is IProxyTargetAccessor accessor && accessor.DynProxyGetTarget() is { } target ? target : value;

    /// <summary>Returns the type a proxy stands for (the class of a class proxy), else the object's type.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The type.</returns>
    public static Type UnproxiedType(object value) => value is IProxyTargetAccessor ? ProxyUtil.GetUnproxiedType(value) : value.GetType();

    /// <summary>Maps a delegate's target and method when the target is an interface proxy: the proxy's method becomes the interface
    /// method it implements, and the instance the proxy's target.</summary>
    /// <param name="method">The delegate's method.</param>
    /// <param name="target">The delegate's target.</param>
    /// <returns>The method and instance to look up.</returns>
    public static (MethodInfo Method, object? Instance) Resolve(MethodInfo method, object? target)
    {
        if (target is not IProxyTargetAccessor accessor || accessor.DynProxyGetTarget() is not { } inner || ReferenceEquals(inner, target))
        {
            return (method, target);
        }

        foreach (Type contract in target.GetType().GetInterfaces())
        {
            InterfaceMapping map = target.GetType().GetInterfaceMap(contract);
            int index = Array.IndexOf(map.TargetMethods, method);
            if (index >= 0)
            {
                return (map.InterfaceMethods[index], inner);
            }
        }

        return (method, inner);
    }
}
