using System.Reflection;
using System.Reflection.Emit;

namespace Orleans.Caching;

/// <summary>
/// Compiles, once per method, a caller that invokes a service's implementation method NON-virtually on a target
/// (<c>arguments[0]</c>) with the other elements as arguments. Non-virtual, so that on a class proxy (a subclass that overrides the
/// method) the user's body runs instead of the proxy's override; on an interface proxy's target it is the implementation itself.
/// </summary>
internal static class InterceptedMethodCaller
{
    /// <summary>Compiles the caller.</summary>
    /// <param name="method">The implementation method (an instance method of a class).</param>
    /// <returns>The caller, returning the raw return value boxed.</returns>
    public static Func<object?[], object?> Compile(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        var dynamicMethod = new DynamicMethod("call_" + method.Name, typeof(object), [typeof(object[])], typeof(InterceptedMethodCaller).Module, skipVisibility: true);
        ILGenerator il = dynamicMethod.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Castclass, method.DeclaringType!);
        for (int i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, i + 1);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(OpCodes.Unbox_Any, parameters[i].ParameterType);
        }

        il.Emit(OpCodes.Call, method);
        if (method.ReturnType.IsValueType)
        {
            il.Emit(OpCodes.Box, method.ReturnType);
        }

        il.Emit(OpCodes.Ret);
        return dynamicMethod.CreateDelegate<Func<object?[], object?>>();
    }
}
