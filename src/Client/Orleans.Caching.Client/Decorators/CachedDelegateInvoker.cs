using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Orleans.Caching;

/// <summary>
/// Builds, once per wrapped function, a delegate of the function's own type whose every call goes through a
/// <see cref="CachedCallFlow"/>, and a compiled caller of the original function (no reflection per call).
/// </summary>
/// <remarks>
/// Synchronous delegates block on the flow only when the backend does not complete synchronously
/// (<see cref="SimpleCache"/> always does). <see cref="IAsyncEnumerable{T}"/> results are lazy: the cached call runs when the
/// sequence is enumerated.
/// </remarks>
internal sealed class CachedDelegateInvoker
{
    private static readonly MethodInfo s_invokeSync = GetMethod(nameof(InvokeSync));
    private static readonly MethodInfo s_invokeTask = GetMethod(nameof(InvokeTaskAsync));
    private static readonly MethodInfo s_invokeValueTask = GetMethod(nameof(InvokeValueTaskAsync));
    private static readonly MethodInfo s_invokeAsyncEnumerable = GetMethod(nameof(InvokeAsyncEnumerable));

    private readonly Delegate _function;
    private readonly Func<object?[], object?> _call;
    private readonly CachedCallFlow _flow;

    private CachedDelegateInvoker(Delegate function, Func<object?[], object?> call, CachedCallFlow flow)
    {
        _function = function;
        _call = call;
        _flow = flow;
    }

    /// <summary>Builds the routing delegate.</summary>
    /// <typeparam name="TDelegate">The delegate type.</typeparam>
    /// <param name="function">The undecorated function.</param>
    /// <param name="signature">The analysed signature of <typeparamref name="TDelegate"/>.</param>
    /// <param name="flow">The call flow.</param>
    /// <returns>A delegate that routes every call through <paramref name="flow"/>.</returns>
    public static TDelegate Create<TDelegate>(TDelegate function, DecoratorSignature signature, CachedCallFlow flow)
        where TDelegate : Delegate
    {
        ParameterExpression[] parameters = signature.Parameters
            .Select(p => Expression.Parameter(p.ParameterType, p.Name))
            .ToArray();
        var invoker = new CachedDelegateInvoker(function, CompileCaller(function, parameters), flow);

        NewArrayExpression arguments = Expression.NewArrayInit(
            typeof(object), parameters.Select(p => (Expression)Expression.Convert(p, typeof(object))));
        Expression cancellationToken = signature.CancellationTokenIndex >= 0
            ? parameters[signature.CancellationTokenIndex]
            : Expression.Default(typeof(CancellationToken));
        MethodInfo target = signature.Kind switch
        {
            DecoratorReturnKind.Task => s_invokeTask.MakeGenericMethod(signature.ResultType),
            DecoratorReturnKind.ValueTask => s_invokeValueTask.MakeGenericMethod(signature.ResultType),
            DecoratorReturnKind.AsyncEnumerable => s_invokeAsyncEnumerable.MakeGenericMethod(signature.ResultType.GetGenericArguments()[0]),
            _ => s_invokeSync.MakeGenericMethod(signature.ResultType),
        };
        MethodCallExpression body = Expression.Call(Expression.Constant(invoker), target, arguments, cancellationToken);
        return Expression.Lambda<TDelegate>(body, parameters).Compile();
    }

    private static Func<object?[], object?> CompileCaller(Delegate function, ParameterExpression[] parameters)
    {
        ParameterExpression array = Expression.Parameter(typeof(object[]), "arguments");
        IEnumerable<Expression> arguments = parameters.Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(array, Expression.Constant(i)), p.Type));
        InvocationExpression call = Expression.Invoke(Expression.Constant(function), arguments);
        return Expression.Lambda<Func<object?[], object?>>(Expression.Convert(call, typeof(object)), array).Compile();
    }

    private static MethodInfo GetMethod(string name)
        => typeof(CachedDelegateInvoker).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static T Unbox<T>(object? value) => value is null ? default! : (T)value;

    private CacheInvocation Invocation(object?[] arguments, CancellationToken cancellationToken)
        => new(_function, _function.Method, _function.Target, arguments, cancellationToken);

    private T InvokeSync<T>(object?[] arguments, CancellationToken cancellationToken)
    {
        ValueTask<object?> pending = _flow.InvokeAsync(Invocation(arguments, cancellationToken), () => new ValueTask<object?>(_call(arguments)));
        object? value = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return Unbox<T>(value);
    }

    private async Task<T> InvokeTaskAsync<T>(object?[] arguments, CancellationToken cancellationToken)
    {
        object? value = await _flow.InvokeAsync(
            Invocation(arguments, cancellationToken),
            async () => await ((Task<T>)_call(arguments)!).ConfigureAwait(false)).ConfigureAwait(false);
        return Unbox<T>(value);
    }

    private async ValueTask<T> InvokeValueTaskAsync<T>(object?[] arguments, CancellationToken cancellationToken)
    {
        object? value = await _flow.InvokeAsync(
            Invocation(arguments, cancellationToken),
            async () => await ((ValueTask<T>)_call(arguments)!).ConfigureAwait(false)).ConfigureAwait(false);
        return Unbox<T>(value);
    }

    private IAsyncEnumerable<T> InvokeAsyncEnumerable<T>(object?[] arguments, CancellationToken cancellationToken)
        => EnumerateAsync<T>(arguments, cancellationToken);

    private async IAsyncEnumerable<T> EnumerateAsync<T>(object?[] arguments, CancellationToken callToken, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        CancellationToken cancellationToken = callToken.CanBeCanceled ? callToken : enumeratorToken;
        object? value = await _flow.InvokeAsync(Invocation(arguments, cancellationToken), () => new ValueTask<object?>(_call(arguments))).ConfigureAwait(false);
        if (value is null)
        {
            yield break;
        }

        await foreach (T item in ((IAsyncEnumerable<T>)value).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
