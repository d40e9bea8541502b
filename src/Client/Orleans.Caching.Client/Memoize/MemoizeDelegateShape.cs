using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching;

/// <summary>
/// What the engine needs to know about a delegate type, worked out once per type: its result type and how it is awaited,
/// a compiled caller of the original delegate, and a compiled factory of the memoizing <c>Invoke</c> delegate.
/// </summary>
/// <typeparam name="TDelegate">The delegate type.</typeparam>
internal static class MemoizeDelegateShape<TDelegate>
    where TDelegate : Delegate
{
    private static readonly Lazy<Compiled> s_compiled = new(Compile);

    /// <summary>Gets the compiled shape, or throws <see cref="ArgumentException"/> if the delegate type cannot be memoized.</summary>
    public static Compiled Value => s_compiled.Value;

    private static Compiled Compile()
    {
        DecoratorSignature signature = DecoratorSignature.For(typeof(TDelegate), "Memoize");
        ParameterInfo[] parameters = signature.Parameters;
        (string from, string to, Type result) = signature.Kind switch
        {
            DecoratorReturnKind.Task => (nameof(MemoizeAdapter<int>.FromTask), nameof(MemoizeAdapter<int>.ToTask), signature.ResultType),
            DecoratorReturnKind.ValueTask => (nameof(MemoizeAdapter<int>.FromValueTask), nameof(MemoizeAdapter<int>.ToValueTask), signature.ResultType),

            // Synchronous results and async sequences are returned as they are; the result shape drains sequences.
            _ => (nameof(MemoizeAdapter<int>.FromValue), nameof(MemoizeAdapter<int>.ToValue), signature.ReturnType),
        };
        Type adapter = typeof(MemoizeAdapter<>).MakeGenericType(result);
        int cancellationIndex = signature.CancellationTokenIndex;

        // (Delegate fn, object?[] args) => Adapter<R>.From(((TDelegate)fn)((T0)args[0], ...))
        ParameterExpression function = Expression.Parameter(typeof(Delegate), "function");
        ParameterExpression arguments = Expression.Parameter(typeof(object[]), "arguments");
        Expression[] unboxed = parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)).ToArray();
        Expression call = Expression.Invoke(Expression.Convert(function, typeof(TDelegate)), unboxed);
        var callOriginal = Expression.Lambda<Func<Delegate, object?[], ValueTask<object?>>>(
            Expression.Call(adapter.GetMethod(from)!, call), function, arguments).Compile();

        // binding => (T0 a0, ...) => Adapter<R>.To(MemoizeEngine.InvokeAsync(binding, new object[] { a0, ... }, ct))
        ParameterExpression binding = Expression.Parameter(typeof(MemoizeBinding), "binding");
        ParameterExpression[] inner = parameters.Select((p, i) => Expression.Parameter(p.ParameterType, p.Name ?? "arg" + i)).ToArray();
        Expression boxed = Expression.NewArrayInit(typeof(object), inner.Select(p => (Expression)Expression.Convert(p, typeof(object))));
        Expression token = cancellationIndex >= 0 ? inner[cancellationIndex] : Expression.Default(typeof(CancellationToken));
        MethodInfo engine = typeof(MemoizeEngine).GetMethod(nameof(MemoizeEngine.InvokeAsync))!;
        Expression body = Expression.Call(adapter.GetMethod(to)!, Expression.Call(engine, binding, boxed, token));
        var factory = Expression.Lambda<Func<MemoizeBinding, TDelegate>>(Expression.Lambda<TDelegate>(body, inner), binding).Compile();

        return new Compiled(result, parameters.Length, callOriginal, factory);
    }

    /// <summary>The compiled parts.</summary>
    /// <param name="ResultType">The result type after unwrapping <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>.</param>
    /// <param name="ParameterCount">The delegate's parameter count.</param>
    /// <param name="CallOriginal">Calls a delegate of this type with boxed arguments and awaits its result.</param>
    /// <param name="CreateInvoke">Builds the memoizing delegate for a binding.</param>
    internal sealed record Compiled(Type ResultType, int ParameterCount, Func<Delegate, object?[], ValueTask<object?>> CallOriginal, Func<MemoizeBinding, TDelegate> CreateInvoke);
}
