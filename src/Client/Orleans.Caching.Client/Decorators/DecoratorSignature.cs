using System.Reflection;

namespace Orleans.Caching;

/// <summary>The shape of a delegate type <c>cached</c> or <c>memoize</c> wraps: its parameters, how it returns, what it returns; validated once.</summary>
internal sealed class DecoratorSignature
{
    private DecoratorSignature(ParameterInfo[] parameters, Type returnType, DecoratorReturnKind kind, Type resultType, int cancellationTokenIndex)
    {
        Parameters = parameters;
        ReturnType = returnType;
        Kind = kind;
        ResultType = resultType;
        CancellationTokenIndex = cancellationTokenIndex;
    }

    /// <summary>Gets the parameters of the delegate's <c>Invoke</c>.</summary>
    public ParameterInfo[] Parameters { get; }

    /// <summary>Gets the declared return type.</summary>
    public Type ReturnType { get; }

    /// <summary>Gets how the result is returned.</summary>
    public DecoratorReturnKind Kind { get; }

    /// <summary>Gets the result type: the return type, or <c>T</c> of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>.</summary>
    public Type ResultType { get; }

    /// <summary>Gets the index of the first <see cref="CancellationToken"/> parameter, or -1.</summary>
    public int CancellationTokenIndex { get; }

    /// <summary>Analyses a delegate type.</summary>
    /// <param name="delegateType">The delegate type.</param>
    /// <param name="decorator">The decorator's name, for messages.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentException">The delegate returns no result, or has parameters that cannot be passed through (by-reference or ref struct).</exception>
    public static DecoratorSignature For(Type delegateType, string decorator)
    {
        MethodInfo invoke = delegateType.GetMethod("Invoke") ?? throw new ArgumentException($"{delegateType} is not a delegate type.", "function");
        Type returnType = invoke.ReturnType;
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            throw new ArgumentException(
                $"{decorator} needs a function that returns a value; {delegateType} returns {(returnType == typeof(void) ? "void" : returnType.Name)} and has no result to cache. " +
                "Wrap functions returning a result, Task<T> or ValueTask<T>.", "function");
        }

        if (returnType.IsByRef || returnType.IsByRefLike || returnType.IsPointer)
        {
            throw new ArgumentException($"{decorator} cannot cache a result of type {returnType}: by-reference, pointer and ref struct results cannot be stored.", "function");
        }

        ParameterInfo[] parameters = invoke.GetParameters();
        int cancellationTokenIndex = -1;
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            if (type.IsByRef || type.IsByRefLike || type.IsPointer)
            {
                throw new ArgumentException(
                    $"{decorator} cannot wrap {delegateType}: parameter '{parameters[i].Name}' is by-reference, a pointer or a ref struct.", "function");
            }

            if (type == typeof(CancellationToken) && cancellationTokenIndex < 0)
            {
                cancellationTokenIndex = i;
            }
        }

        (DecoratorReturnKind kind, Type resultType) = returnType switch
        {
            { IsGenericType: true } t when t.GetGenericTypeDefinition() == typeof(Task<>) => (DecoratorReturnKind.Task, t.GetGenericArguments()[0]),
            { IsGenericType: true } t when t.GetGenericTypeDefinition() == typeof(ValueTask<>) => (DecoratorReturnKind.ValueTask, t.GetGenericArguments()[0]),
            { IsGenericType: true } t when t.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) => (DecoratorReturnKind.AsyncEnumerable, t),
            _ => (DecoratorReturnKind.Sync, returnType),
        };
        return new(parameters, returnType, kind, resultType, cancellationTokenIndex);
    }
}
