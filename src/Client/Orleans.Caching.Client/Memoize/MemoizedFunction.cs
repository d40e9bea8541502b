namespace Orleans.Caching;

/// <summary>
/// A memoized function, returned by <see cref="Cache.Memoize{TDelegate}(TDelegate, MemoizeOptions?)"/> (the function Flask-Caching's
/// <c>@cache.memoize</c> decorator returns). Call it through <see cref="Invoke"/>; the other members are the decorated
/// function's attributes: <c>uncached</c>, <c>cache_timeout</c>, <c>make_cache_key</c> and <c>delete_memoized</c>.
/// </summary>
/// <typeparam name="TDelegate">The function's delegate type: any arity, returning a value, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</typeparam>
/// <remarks>
/// A synchronous delegate blocks its caller while the cache is read and written; prefer <c>Task&lt;T&gt;</c> or
/// <c>ValueTask&lt;T&gt;</c> delegates over remote backends.
/// </remarks>
public sealed class MemoizedFunction<TDelegate>
    where TDelegate : Delegate
{
    internal MemoizedFunction(MemoizeBinding binding)
    {
        Binding = binding;
        Uncached = (TDelegate)binding.Function;
        Invoke = MemoizeDelegateShape<TDelegate>.Value.CreateInvoke(binding);
        binding.Descriptor.Cache.MemoizeRegistry.Register(binding, Invoke);
    }

    /// <summary>Gets the memoizing delegate: calls read the cache first and run <see cref="Uncached"/> only on a miss.</summary>
    /// <remarks>A <see cref="CancellationToken"/> parameter is passed through to the function and to the cache, and is not part of the key.</remarks>
    public TDelegate Invoke { get; }

    /// <summary>Gets the original function (<c>uncached</c>).</summary>
    public TDelegate Uncached { get; }

    /// <summary>Gets or sets the time-to-live of results written from now on (<c>cache_timeout</c>); read at call time and
    /// shared by every wrapper bound from the same <c>Memoize</c> call.</summary>
    /// <value>The <see cref="MemoizeOptions.Timeout"/> given at wrap time; <see langword="null"/> for the backend default.</value>
    public CacheTimeout? CacheTimeout
    {
        get => Binding.Descriptor.Timeout;
        set => Binding.Descriptor.Timeout = value;
    }

    /// <summary>Gets the function name used for version keys (<c>&lt;fname&gt;_memver</c>).</summary>
    public string FunctionName => Binding.Descriptor.FunctionName;

    /// <summary>Gets the instance this wrapper is bound to (a method group's target, or <see cref="Bind"/>), or <see langword="null"/>.</summary>
    public object? Instance => Binding.Instance;

    internal MemoizeBinding Binding { get; }

    /// <summary>Computes the cache key of a call (<c>make_cache_key</c>). Like Flask-Caching, it creates missing version keys.</summary>
    /// <param name="args">The call's positional arguments, <c>params</c> elements flattened; a method not bound to an
    /// instance takes the instance first, a bound wrapper prepends its own unless it is already first.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A method's instance is missing.</exception>
    public ValueTask<string> MakeCacheKeyAsync(params object?[] args)
        => MakeCacheKeyAsync(args, new Dictionary<string, object?>(StringComparer.Ordinal), CancellationToken.None);

    /// <summary>Computes the cache key of a call given with named arguments (Python keyword arguments); named arguments that
    /// match no parameter become the sorted keyword part of the key.</summary>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The named arguments.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A method's instance is missing.</exception>
    public ValueTask<string> MakeCacheKeyAsync(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> namedArgs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(namedArgs);
        MemoizeNormalizedCall call = MemoizeKeyBuilder.Normalize(Binding.Descriptor, MemoizeOperations.WithInstance(Binding, args), namedArgs);
        return MemoizeKeyBuilder.BuildAsync(Binding.Descriptor, call, cancellationToken);
    }

    /// <summary>Invalidates every cached result of the function, for every instance (the <c>delete_memoized()</c> attribute):
    /// the function's version is replaced, orphaning its entries until they expire.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the version is replaced.</returns>
    public Task DeleteMemoizedAsync(CancellationToken cancellationToken = default)
        => MemoizeOperations.ResetAsync(Binding.Descriptor, instance: null, cancellationToken);

    /// <summary>Returns this method bound to <paramref name="instance"/> (Python's <c>instance.method</c>): deleting through the
    /// bound wrapper without arguments resets that instance's version only, and its key and delete operations take the
    /// instance as first argument.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The bound wrapper. For a memoized method group, its <see cref="Invoke"/> calls the method on <paramref name="instance"/>;
    /// for a function whose first parameter is <c>self</c>, <see cref="Invoke"/> still takes the instance as its first argument.</returns>
    /// <exception cref="InvalidOperationException">The function is not a method (it has no instance).</exception>
    public MemoizedFunction<TDelegate> Bind(object instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        MemoizeDescriptor descriptor = Binding.Descriptor;
        if (descriptor.SelfKind != MemoizeSelfKind.Self)
        {
            throw new InvalidOperationException($"{descriptor.FunctionName} is not a method (its first parameter is not 'self' and it is not an instance method group), so it cannot be bound to an instance.");
        }

        if (!Binding.TargetIsInstance)
        {
            return new MemoizedFunction<TDelegate>(Binding with { Instance = instance });
        }

        if (descriptor.Method.DeclaringType is { } declaring && !declaring.IsInstanceOfType(instance))
        {
            throw new ArgumentException($"{instance.GetType()} is not a {declaring}, so {descriptor.FunctionName} cannot be bound to it.", nameof(instance));
        }

        var function = Delegate.CreateDelegate(typeof(TDelegate), instance, descriptor.Method);
        return new MemoizedFunction<TDelegate>(new MemoizeBinding(descriptor, function, instance));
    }
}
