namespace Orleans.Caching;

public partial class Cache
{
    private readonly MemoizeRegistry _memoizeRegistry = new();
    private IMemoizeVersionSource? _memoizeVersions;

    /// <summary>Gets the memoized functions of this cache.</summary>
    internal MemoizeRegistry MemoizeRegistry => _memoizeRegistry;

    /// <summary>Gets where memoized functions keep their versions: version grains over a grain backend, else version keys in the cache.</summary>
    internal IMemoizeVersionSource MemoizeVersions => LazyInitializer.EnsureInitialized(
        ref _memoizeVersions,
        () => GrainCapabilities is { } grains ? new GrainMemoizeVersions(grains) : new MemoizeVersions(this));

    /// <summary>Gets the grain capabilities of the backend (single-flight, version grains), or <see langword="null"/> in direct mode.</summary>
    internal IGrainCacheCapabilities? GrainCapabilities => Backend as IGrainCacheCapabilities;

    /// <summary>
    /// Memoizes a function (Flask-Caching's <c>@cache.memoize(...)</c>): its results are cached under a key built from the
    /// function's name and its arguments, plus a version that <see cref="DeleteMemoizedAsync(System.Reflection.MethodInfo, object?[])"/>
    /// and its overloads replace to invalidate them.
    /// </summary>
    /// <typeparam name="TDelegate">The delegate type: any arity, returning a value, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</typeparam>
    /// <param name="function">The function. A lambda or static method is a plain function; a lambda whose first parameter is
    /// named <c>self</c> is a method whose first argument is the instance (<c>cls</c>: a class method taking a
    /// <see cref="Type"/>); an instance method group such as <c>adder.Add</c> is a method bound to its target.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <returns>The memoized function; call it through <see cref="MemoizedFunction{TDelegate}.Invoke"/>.</returns>
    /// <remarks>
    /// <para>Keys: the first 16 characters of the base64 of the hash of the function name, the Python-style text of the
    /// normalized arguments and, with source check, a fingerprint of the method body; then a 6-character version of the
    /// function (22 characters), and of the instance for methods (28 characters). Arguments are keyed by value for numbers,
    /// strings, byte arrays, collections and tuples, and by identity for other objects: <see cref="ICachingId"/>, else an
    /// overridden <see cref="object.ToString"/>, else the object itself (per-object identity, so a mutated object keeps its key).</para>
    /// <para>Function names of lambdas are the compiler's; set <see cref="MemoizeOptions.Name"/> to keep them stable across edits.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MemoizeOptions.LeaseDuration"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The delegate returns nothing (<see langword="void"/>, <see cref="Task"/>,
    /// <see cref="ValueTask"/>), has by-reference parameters, or is an extension method group closed over its first argument.</exception>
    public MemoizedFunction<TDelegate> Memoize<TDelegate>(TDelegate function, MemoizeOptions? options = null)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        MemoizeDelegateShape<TDelegate>.Compiled shape = MemoizeDelegateShape<TDelegate>.Value;
        System.Reflection.MethodInfo method = function.Method;
        object? target = function.Target;
        bool boundMethod = target is not null && !method.IsStatic && !MemoizeFunctionName.IsClosure(target);
        bool openInstance = target is null && !method.IsStatic;
        if (method.IsStatic && target is not null && method.GetParameters().Length == shape.ParameterCount + 1)
        {
            throw new ArgumentException($"Cannot memoize {method.Name}: the delegate is closed over the method's first argument (an extension method group). Wrap the call in a lambda instead.", nameof(function));
        }

        options ??= new MemoizeOptions();
        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LeaseDuration, "MemoizeOptions.LeaseDuration must be positive.");
        }

        var descriptor = new MemoizeDescriptor(this, method, virtualSelf: boundMethod || openInstance, argumentOffset: openInstance ? 1 : 0,
            options, shape.ResultType, shape.CallOriginal);
        return new MemoizedFunction<TDelegate>(new MemoizeBinding(descriptor, function, boundMethod ? target : null));
    }

    /// <summary>Deletes the version key of a memoized function (<c>delete_memoized_verhash</c>): the function's, or the
    /// instance's when the wrapper is bound to one. The next call creates a new version, so earlier results are orphaned.</summary>
    /// <typeparam name="TDelegate">The function's delegate type.</typeparam>
    /// <param name="function">The memoized function.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public Task DeleteMemoizedVerhashAsync<TDelegate>(MemoizedFunction<TDelegate> function, CancellationToken cancellationToken = default)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(function);
        return MemoizeOperations.DeleteVersionAsync(function.Binding.Descriptor, function.Binding.Instance, cancellationToken);
    }

    /// <summary>Deletes the version key of a memoized function given as a delegate (<c>delete_memoized_verhash</c>): a wrapper's
    /// <c>Invoke</c>, a memoized function, or an instance method group such as <c>adder.Add</c> (that instance's key).</summary>
    /// <param name="function">The function.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    /// <exception cref="InvalidOperationException">The function was not memoized by this cache.</exception>
    public Task DeleteMemoizedVerhashAsync(Delegate function, CancellationToken cancellationToken = default)
    {
        MemoizeBinding binding = ResolveMemoized(function);
        return MemoizeOperations.DeleteVersionAsync(binding.Descriptor, binding.Instance, cancellationToken);
    }

    private MemoizeBinding ResolveMemoized(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (_memoizeRegistry.TryGetInvoke(function, out MemoizeBinding? binding))
        {
            return binding;
        }

        // A method group of an interface proxy (AddMemoized) stands for the interface method on the proxy's target.
        (System.Reflection.MethodInfo method, object? target) = ProxyTargets.Resolve(function.Method, function.Target);
        object? instance = target is not null && !method.IsStatic && !MemoizeFunctionName.IsClosure(target) ? target : null;
        MemoizeDescriptor descriptor = _memoizeRegistry.Find(method, instance)
            ?? throw MemoizeExpressionCall.NotMemoized(method);
        return new MemoizeBinding(descriptor, function, descriptor.SelfKind == MemoizeSelfKind.Self ? instance : null);
    }
}
