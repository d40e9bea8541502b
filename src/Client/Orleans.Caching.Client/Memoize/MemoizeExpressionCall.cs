using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching;

/// <summary>Reads a call expression such as <c>() =&gt; service.Add(1, 2)</c> or <c>() =&gt; memoized.Invoke(1, 2)</c>: which
/// memoized function it calls, on which instance, with which arguments.</summary>
internal static class MemoizeExpressionCall
{
    /// <summary>Resolves the call to a memoized function and its normalized arguments.</summary>
    /// <param name="registry">The cache's registry.</param>
    /// <param name="expression">The lambda.</param>
    /// <returns>The function and the normalized call.</returns>
    /// <exception cref="ArgumentException">The body is not a method or delegate call.</exception>
    /// <exception cref="InvalidOperationException">The method was not memoized by this cache.</exception>
    public static (MemoizeDescriptor Descriptor, MemoizeNormalizedCall Call) Resolve(MemoizeRegistry registry, LambdaExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        switch (body)
        {
            case InvocationExpression invocation:
                return FromDelegate(registry, Evaluate(invocation.Expression), invocation.Arguments);
            case MethodCallExpression { Method.Name: "Invoke", Object: { } target } call when typeof(Delegate).IsAssignableFrom(call.Method.DeclaringType):
                return FromDelegate(registry, Evaluate(target), call.Arguments);
            case MethodCallExpression call:
                object? instance = ProxyTargets.Unwrap(call.Object is null ? null : Evaluate(call.Object));
                MemoizeDescriptor descriptor = registry.Find(call.Method, instance) ?? throw NotMemoized(call.Method);
                object?[] arguments = call.Arguments.Select(Evaluate).ToArray();
                if (descriptor.ArgumentOffset == 1)
                {
                    arguments = [instance, .. arguments];
                }

                List<object?> positional = descriptor.ToPositional(arguments, instance);
                return (descriptor, MemoizeKeyBuilder.Normalize(descriptor, positional, named: null));
            default:
                throw new ArgumentException($"Expected a call to a memoized method or function, such as () => service.Add(1, 2), not '{expression.Body}'.", nameof(expression));
        }
    }

    /// <summary>Builds the error for a method this cache did not memoize.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The exception.</returns>
    public static InvalidOperationException NotMemoized(MethodInfo method)
        => method.DeclaringType is { IsInterface: true } grainInterface && typeof(Runtime.IGrainWithStringKey).IsAssignableFrom(grainInterface)
            ? new($"{grainInterface.FullName}.{method.Name} is not memoized by this cache yet: a [Memoize] grain method is registered with its cache on its first call through the filter of services.AddMemoizedGrainCalls() in this process.")
            : new($"{method.DeclaringType?.FullName}.{method.Name} is not memoized by this cache: wrap it with cache.Memoize(...) first.");

    private static (MemoizeDescriptor, MemoizeNormalizedCall) FromDelegate(MemoizeRegistry registry, object? function, IReadOnlyList<Expression> argumentExpressions)
    {
        if (function is not Delegate invoke || !registry.TryGetInvoke(invoke, out MemoizeBinding? binding))
        {
            throw new InvalidOperationException($"The delegate called in the expression is not the Invoke of a function memoized by this cache.");
        }

        object?[] arguments = argumentExpressions.Select(Evaluate).ToArray();
        List<object?> positional = binding.Descriptor.ToPositional(arguments, binding.Function.Target);
        return (binding.Descriptor, MemoizeKeyBuilder.Normalize(binding.Descriptor, positional, named: null));
    }

    private static object? Evaluate(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        MemberExpression { Member: PropertyInfo property } member when property.GetIndexParameters().Length == 0
            => property.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile()(),
    };
}
