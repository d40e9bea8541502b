using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching;

public partial class Cache
{
    /// <summary>
    /// Invalidates memoized results (<c>delete_memoized</c>). Without arguments, replaces a version, orphaning entries until
    /// they expire: the instance's version for a wrapper bound to an instance (a memoized method group, or
    /// <see cref="MemoizedFunction{TDelegate}.Bind"/>), else the function's (every instance). With arguments, deletes exactly
    /// the entry of that call, after the same normalization as calls (a bound wrapper prepends its instance unless it is
    /// already first).
    /// </summary>
    /// <typeparam name="TDelegate">The function's delegate type.</typeparam>
    /// <param name="function">The memoized function.</param>
    /// <param name="args">The call's positional arguments, <c>params</c> elements flattened.</param>
    /// <returns>A task that completes when the version is replaced or the entry deleted.</returns>
    /// <exception cref="ArgumentException">Arguments are given for a method, but no instance (not bound, none first).</exception>
    public Task DeleteMemoizedAsync<TDelegate>(MemoizedFunction<TDelegate> function, params object?[] args)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        return args.Length == 0
            ? MemoizeOperations.ResetAsync(function.Binding.Descriptor, function.Binding.Instance, CancellationToken.None)
            : MemoizeOperations.DeleteEntryAsync(function.Binding, args, namedArgs: null, CancellationToken.None);
    }

    /// <summary>Deletes exactly the entry of a call given with named arguments (Python keyword arguments), after normalization.</summary>
    /// <typeparam name="TDelegate">The function's delegate type.</typeparam>
    /// <param name="function">The memoized function.</param>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The named arguments.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    /// <exception cref="ArgumentException">The function is a method and no instance is available.</exception>
    public Task DeleteMemoizedAsync<TDelegate>(MemoizedFunction<TDelegate> function, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> namedArgs, CancellationToken cancellationToken = default)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(namedArgs);
        return MemoizeOperations.DeleteEntryAsync(function.Binding, args, namedArgs, cancellationToken);
    }

    /// <summary>
    /// Invalidates memoized results of a function given as a delegate (<c>delete_memoized(f, *args)</c>): a wrapper's
    /// <c>Invoke</c>, a memoized lambda or static method, or an instance method group such as <c>adder1.Add</c>, which
    /// resets (or, with arguments, deletes from) that instance only.
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="args">The call's positional arguments; none to replace the version.</param>
    /// <returns>A task that completes when the version is replaced or the entry deleted.</returns>
    /// <exception cref="InvalidOperationException">The function was not memoized by this cache.</exception>
    /// <exception cref="ArgumentException">Arguments are given for a method, but no instance.</exception>
    public Task DeleteMemoizedAsync(Delegate function, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return DeleteMemoizedDelegateAsync(function, args, namedArgs: null, CancellationToken.None);
    }

    /// <summary>Deletes exactly the entry of a call of a function given as a delegate, with named arguments.</summary>
    /// <param name="function">The function.</param>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The named arguments.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the version is replaced or the entry deleted.</returns>
    /// <exception cref="InvalidOperationException">The function was not memoized by this cache.</exception>
    public Task DeleteMemoizedAsync(Delegate function, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> namedArgs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(namedArgs);
        return DeleteMemoizedDelegateAsync(function, args, namedArgs, cancellationToken);
    }

    private Task DeleteMemoizedDelegateAsync(Delegate function, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? namedArgs, CancellationToken cancellationToken)
    {
        MemoizeBinding binding = ResolveMemoized(function);
        return args.Count == 0 && (namedArgs is null || namedArgs.Count == 0)
            ? MemoizeOperations.ResetAsync(binding.Descriptor, binding.Instance, cancellationToken)
            : MemoizeOperations.DeleteEntryAsync(binding, args, namedArgs, cancellationToken);
    }

    /// <summary>Deletes exactly the entry of the call an expression describes, such as <c>() =&gt; service.Add(1, 2)</c> or
    /// <c>() =&gt; memoized.Invoke(1, 2)</c>; named and optional arguments are normalized as in calls.</summary>
    /// <typeparam name="TResult">The call's result type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    /// <exception cref="InvalidOperationException">The method was not memoized by this cache.</exception>
    /// <exception cref="ArgumentException">The expression is not a call.</exception>
    public Task DeleteMemoizedAsync<TResult>(Expression<Func<TResult>> call, CancellationToken cancellationToken = default)
        => DeleteMemoizedCallAsync(call, cancellationToken);

    /// <summary>Deletes exactly the entry of the call an expression describes, written as a statement lambda body.</summary>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    /// <exception cref="InvalidOperationException">The method was not memoized by this cache.</exception>
    /// <exception cref="ArgumentException">The expression is not a call.</exception>
    public Task DeleteMemoizedAsync(Expression<Action> call, CancellationToken cancellationToken = default)
        => DeleteMemoizedCallAsync(call, cancellationToken);

    /// <summary>Invalidates every result of a memoized method for every instance (<c>delete_memoized(Adder.add)</c> through the
    /// class), or with arguments — the instance first for instance methods — deletes exactly that entry.</summary>
    /// <param name="method">The memoized method.</param>
    /// <param name="args">The call's positional arguments, the instance first for instance methods; none to replace the function's version.</param>
    /// <returns>A task that completes when the version is replaced or the entry deleted.</returns>
    /// <exception cref="InvalidOperationException">The method was not memoized by this cache.</exception>
    /// <exception cref="ArgumentException">Arguments are given for an instance method without the instance first.</exception>
    public Task DeleteMemoizedAsync(MethodInfo method, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(args);
        MemoizeDescriptor descriptor = _memoizeRegistry.Find(method, instance: null) ?? throw MemoizeExpressionCall.NotMemoized(method);
        if (args.Length == 0)
        {
            return MemoizeOperations.ResetAsync(descriptor, instance: null, CancellationToken.None);
        }

        if (descriptor.VirtualSelf)
        {
            args = [ProxyTargets.Unwrap(args[0]), .. args.AsSpan(1)];
        }

        if (descriptor.VirtualSelf && descriptor.Method.DeclaringType is { } declaring && !declaring.IsInstanceOfType(args[0]))
        {
            throw new ArgumentException($"{descriptor.FunctionName} is an instance method: pass the {declaring.Name} instance as the first argument.", nameof(args));
        }

        return MemoizeOperations.DeleteNormalizedAsync(descriptor, MemoizeKeyBuilder.Normalize(descriptor, args, named: null), CancellationToken.None);
    }

    private Task DeleteMemoizedCallAsync(LambdaExpression call, CancellationToken cancellationToken)
    {
        (MemoizeDescriptor descriptor, MemoizeNormalizedCall normalized) = MemoizeExpressionCall.Resolve(_memoizeRegistry, call);
        return MemoizeOperations.DeleteNormalizedAsync(descriptor, normalized, cancellationToken);
    }
}
