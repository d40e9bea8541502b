namespace Orleans.Caching;

/// <summary>
/// The named option sets that <see cref="CachingAttribute.Policy"/> and <see cref="CachingAttribute.Policy"/> refer to (callbacks
/// cannot be attribute arguments). Filled by <c>services.AddMemoizePolicy</c> / <c>AddCachedPolicy</c> through the options system.
/// </summary>
internal sealed class InterceptionPolicies
{
    /// <summary>Gets the memoize policies by name.</summary>
    public Dictionary<string, MemoizeOptions> Memoize { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the cached policies by name.</summary>
    public Dictionary<string, CachedOptions> Cached { get; } = new(StringComparer.Ordinal);

    /// <summary>Finds a hash method by name (<c>sha256</c>, case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The hash method, or <see langword="null"/>.</returns>
    public static CacheHashMethod? FindHashMethod(string name)
    {
        foreach (CacheHashMethod method in CacheHashMethod.All)
        {
            if (string.Equals(method.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>Builds a method's memoize options: a copy of its policy's (if any), then the attribute's properties on top.</summary>
    /// <param name="method">The method.</param>
    /// <param name="attribute">Its attribute.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The policy is not registered.</exception>
    public MemoizeOptions MemoizeOptionsFor(InterceptedMethod method, MemoizeAttribute attribute) => MemoizeOptionsFor((object)method, attribute);

    /// <summary>Builds memoize options for any owner of a <see cref="MemoizeAttribute"/> (an ASP.NET Core view, for example).</summary>
    /// <param name="method">What carries the attribute, for error messages.</param>
    /// <param name="attribute">The attribute.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The policy is not registered.</exception>
    public MemoizeOptions MemoizeOptionsFor(object method, MemoizeAttribute attribute)
    {
        MemoizeOptions options = attribute.Policy is { } policy
            ? Memoize.TryGetValue(policy, out MemoizeOptions? registered) ? registered.Clone() : throw MissingPolicy(method, policy, "AddMemoizePolicy", Memoize.Keys)
            : new MemoizeOptions();
        if (attribute.TimeoutOrNull is { } timeout)
        {
            options.Timeout = timeout;
        }

        options.Name = attribute.Name ?? options.Name;
        options.HashMethod = attribute.HashMethod is { } hash ? FindHashMethod(hash) : options.HashMethod;
        options.CacheNone = attribute.CacheNoneOrNull ?? options.CacheNone;
        options.SourceCheck = attribute.SourceCheckOrNull ?? options.SourceCheck;
        options.ArgsToIgnore = attribute.ArgsToIgnore ?? options.ArgsToIgnore;
        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"[Memoize] on {method}: the policy's LeaseDuration must be positive.");
        }

        return options;
    }

    /// <summary>Builds a method's cached options: a copy of its policy's (if any), then the attribute's properties on top.</summary>
    /// <param name="method">The method.</param>
    /// <param name="attribute">Its attribute.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The policy is not registered.</exception>
    public CachedOptions CachedOptionsFor(InterceptedMethod method, CachedAttribute attribute) => CachedOptionsFor((object)method, attribute);

    /// <summary>Builds cached options for any owner of a <see cref="CachedAttribute"/> (an ASP.NET Core view, for example).</summary>
    /// <param name="owner">What carries the attribute, for error messages.</param>
    /// <param name="attribute">The attribute.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The policy is not registered.</exception>
    public CachedOptions CachedOptionsFor(object owner, CachedAttribute attribute)
    {
        object method = owner;
        CachedOptions options = attribute.Policy is { } policy
            ? Cached.TryGetValue(policy, out CachedOptions? registered) ? registered.Clone() : throw MissingPolicy(method, policy, "AddCachedPolicy", Cached.Keys)
            : new CachedOptions();
        if (attribute.TimeoutOrNull is { } timeout)
        {
            options.Timeout = timeout;
        }

        options.KeyPrefix = attribute.KeyPrefix ?? options.KeyPrefix;
        options.HashMethod = attribute.HashMethod is { } hash ? FindHashMethod(hash) : options.HashMethod;
        options.CacheNone = attribute.CacheNoneOrNull ?? options.CacheNone;
        options.SourceCheck = attribute.SourceCheckOrNull ?? options.SourceCheck;
        options.QueryString = attribute.QueryStringOrNull ?? options.QueryString;
        return options;
    }

    private static InvalidOperationException MissingPolicy(object method, string policy, string register, IEnumerable<string> known)
        => new($"{method} names the policy '{policy}', which is not registered: call services.{register}(\"{policy}\", options => ...). Registered: {(known.Any() ? string.Join(", ", known) : "none")}.");
}
