namespace Orleans.Caching;

/// <summary>The operations behind <c>delete_memoized</c>, <c>delete_memoized_verhash</c> and <c>make_cache_key</c> on a wrapper.</summary>
internal static class MemoizeOperations
{
    /// <summary>Prepends a bound wrapper's instance to the arguments unless it is already first (Flask-Caching's rule for bound methods).</summary>
    /// <param name="binding">The wrapper.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The positional arguments.</returns>
    public static IReadOnlyList<object?> WithInstance(MemoizeBinding binding, IReadOnlyList<object?> args)
    {
        if (binding.Instance is not { } instance || binding.Descriptor.SelfKind != MemoizeSelfKind.Self
            || (args.Count > 0 && ReferenceEquals(ProxyTargets.Unwrap(args[0]), instance)))
        {
            return args;
        }

        return [instance, .. args];
    }

    /// <summary>Resets the last applicable version key: the instance's when one is given (and <c>self</c> is not ignored), else the function's.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="instance">The bound instance, or <see langword="null"/> for every instance.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the version is replaced.</returns>
    public static async Task ResetAsync(MemoizeDescriptor descriptor, object? instance, CancellationToken cancellationToken)
    {
        string[] versionKeys = MemoizeKeyBuilder.VersionKeys(descriptor, instance);
        Cache cache = descriptor.Cache;
        try
        {
            await cache.MemoizeVersions.ResetAsync(versionKeys, cancellationToken).ConfigureAwait(false);
            Log.MemoizedVersionReset(cache.DecoratorLogger, descriptor.FunctionName, versionKeys[^1]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cache.OnDecoratorFailure(CacheSignalKind.Memoize, ex, "delete_memoized", versionKeys[^1]);
        }
    }

    /// <summary>Deletes exactly one entry: the one the normalized arguments map to.</summary>
    /// <param name="binding">The wrapper (its instance is prepended when bound).</param>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The named arguments, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    /// <exception cref="ArgumentException">A method's instance is missing.</exception>
    public static Task DeleteEntryAsync(MemoizeBinding binding, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? namedArgs, CancellationToken cancellationToken)
        => DeleteNormalizedAsync(binding.Descriptor, MemoizeKeyBuilder.Normalize(binding.Descriptor, WithInstance(binding, args), namedArgs), cancellationToken);

    /// <summary>Deletes the entry of an already normalized call.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="call">The normalized call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    public static async Task DeleteNormalizedAsync(MemoizeDescriptor descriptor, MemoizeNormalizedCall call, CancellationToken cancellationToken)
    {
        Cache cache = descriptor.Cache;
        string? key = null;
        try
        {
            key = await MemoizeKeyBuilder.BuildAsync(descriptor, call, cancellationToken).ConfigureAwait(false);
            await cache.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            Log.MemoizedEntryDeleted(cache.DecoratorLogger, descriptor.FunctionName, key);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cache.OnDecoratorFailure(CacheSignalKind.Memoize, ex, "delete_memoized", key);
        }
    }

    /// <summary>Deletes the last applicable version key (<c>delete_memoized_verhash</c>).</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="instance">The bound instance, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public static async Task DeleteVersionAsync(MemoizeDescriptor descriptor, object? instance, CancellationToken cancellationToken)
    {
        string versionKey = MemoizeKeyBuilder.VersionKeys(descriptor, instance)[^1];
        try
        {
            await descriptor.Cache.MemoizeVersions.DeleteAsync(versionKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            descriptor.Cache.OnDecoratorFailure(CacheSignalKind.Memoize, ex, "delete_memoized_verhash", versionKey);
        }
    }
}
