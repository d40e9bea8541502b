using System.Linq.Expressions;
using System.Reflection;

namespace Orleans.Caching;

/// <summary>Which decorator an intercepted method has.</summary>
internal enum InterceptedKind
{
    /// <summary><see cref="MemoizeAttribute"/>.</summary>
    Memoize,

    /// <summary><see cref="CachedAttribute"/>.</summary>
    Cached,
}

/// <summary>
/// One method of a proxied service carrying <see cref="MemoizeAttribute"/> or <see cref="CachedAttribute"/>, analysed and compiled
/// once at registration: the implementation method (whose name keys entries, as <c>cache.Memoize(service.Method)</c> derives it),
/// a compiled non-virtual caller of it, and converters between its return type and the engines' <c>ValueTask&lt;object?&gt;</c>.
/// </summary>
internal sealed class InterceptedMethod
{
    private static readonly MethodInfo s_wrapValue = typeof(InterceptedMethod).GetMethod(nameof(WrapValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    private InterceptedState? _last;

    public InterceptedMethod(InterceptedKind kind, MethodInfo implementation, MethodInfo? contract, Attribute attribute, DecoratorSignature signature)
    {
        Kind = kind;
        Implementation = implementation;
        Contract = contract;
        Attribute = attribute;
        Signature = signature;
        Call = InterceptedMethodCaller.Compile(implementation);
        (FromReturn, ToReturn) = CompileAdapters(signature);
        Type[] openTypes = [implementation.DeclaringType!, .. implementation.GetParameters().Select(p => p.ParameterType), implementation.ReturnType];
        OpenFunction = Delegate.CreateDelegate(Expression.GetDelegateType(openTypes), null, implementation);
        CallOriginal = (_, arguments) => FromReturn(Call(arguments));
        CacheName = attribute switch
        {
            MemoizeAttribute memoize => memoize.CacheName,
            CachedAttribute cached => cached.CacheName,
            _ => null,
        };
    }

    /// <summary>Gets the decorator.</summary>
    public InterceptedKind Kind { get; }

    /// <summary>Gets the implementation's method (the class method for class proxies).</summary>
    public MethodInfo Implementation { get; }

    /// <summary>Gets the interface method for interface proxies, or <see langword="null"/>.</summary>
    public MethodInfo? Contract { get; }

    /// <summary>Gets the attribute (its options).</summary>
    public Attribute Attribute { get; }

    /// <summary>Gets the analysed signature.</summary>
    public DecoratorSignature Signature { get; }

    /// <summary>Gets the name of the cache instance, or <see langword="null"/> for the default.</summary>
    public string? CacheName { get; }

    /// <summary>Gets an open-instance delegate of <see cref="Implementation"/> (the <see cref="CacheInvocation.Function"/> callbacks see).</summary>
    public Delegate OpenFunction { get; }

    /// <summary>Gets the caller of the implementation: element 0 is the target, then the arguments; returns the raw return value.</summary>
    public Func<object?[], object?> Call { get; }

    /// <summary>Gets the memoize engine's caller of the original function (the delegate argument is ignored).</summary>
    public Func<Delegate, object?[], ValueTask<object?>> CallOriginal { get; }

    /// <summary>Gets the converter of a raw return value (a value, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>) to the engines' form.</summary>
    public Func<object?, ValueTask<object?>> FromReturn { get; }

    /// <summary>Gets the converter of the engines' result to the declared return type, boxed.</summary>
    public Func<ValueTask<object?>, object?> ToReturn { get; }

    /// <summary>Returns the per-cache state (memoize descriptor or cached flow), created once per cache and kept in its registry.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="policies">The named policies.</param>
    /// <param name="callOriginal">Runs the original call on a miss (grain calls); <see langword="null"/>: <see cref="CallOriginal"/>.</param>
    /// <returns>The state.</returns>
    public InterceptedState StateFor(Cache cache, InterceptionPolicies policies, Func<Delegate, object?[], ValueTask<object?>>? callOriginal = null)
    {
        InterceptedState? last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Cache, cache))
        {
            return last;
        }

        InterceptedState state = cache.MemoizeRegistry.GetOrAddIntercepted(this, () => InterceptedState.Create(this, cache, policies, callOriginal));
        Volatile.Write(ref _last, state);
        return state;
    }

    /// <summary>Describes the method for messages.</summary>
    /// <returns>The text <c>Type.Method</c>.</returns>
    public override string ToString() => InterceptionPlan.Describe(Contract ?? Implementation);

    private static (Func<object?, ValueTask<object?>>, Func<ValueTask<object?>, object?>) CompileAdapters(DecoratorSignature signature)
    {
        Type result = signature.Kind is DecoratorReturnKind.Task or DecoratorReturnKind.ValueTask ? signature.ResultType : signature.ReturnType;
        Type adapter = typeof(MemoizeAdapter<>).MakeGenericType(result);
        (string from, string to) = signature.Kind switch
        {
            DecoratorReturnKind.Task => (nameof(MemoizeAdapter<int>.FromTask), nameof(MemoizeAdapter<int>.ToTask)),
            DecoratorReturnKind.ValueTask => (nameof(MemoizeAdapter<int>.FromValueTask), nameof(MemoizeAdapter<int>.ToValueTask)),
            _ => (nameof(MemoizeAdapter<int>.FromValue), nameof(MemoizeAdapter<int>.ToValue)),
        };

        ParameterExpression raw = Expression.Parameter(typeof(object), "raw");
        Func<object?, ValueTask<object?>> fromReturn = signature.Kind == DecoratorReturnKind.Sync
            ? s_wrapValue.CreateDelegate<Func<object?, ValueTask<object?>>>()
            : Expression.Lambda<Func<object?, ValueTask<object?>>>(
                Expression.Call(adapter.GetMethod(from)!, Expression.Convert(raw, signature.ReturnType)), raw).Compile();

        ParameterExpression pending = Expression.Parameter(typeof(ValueTask<object?>), "pending");
        Func<ValueTask<object?>, object?> toReturn = Expression.Lambda<Func<ValueTask<object?>, object?>>(
            Expression.Convert(Expression.Call(adapter.GetMethod(to)!, pending), typeof(object)), pending).Compile();
        return (fromReturn, toReturn);
    }

    private static ValueTask<object?> WrapValue(object? value) => new(value);
}
