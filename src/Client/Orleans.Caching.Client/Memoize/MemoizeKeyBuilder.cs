using System.Text;

namespace Orleans.Caching;

/// <summary>A call after argument normalization.</summary>
/// <param name="Arguments">The positional tuple.</param>
/// <param name="NamedArguments">Leftover named arguments, sorted by name.</param>
/// <param name="VersionKeys">The function's version key, then the per-instance one if any.</param>
internal sealed record MemoizeNormalizedCall(object?[] Arguments, IReadOnlyList<KeyValuePair<string, object?>> NamedArguments, string[] VersionKeys);

/// <summary>
/// Builds memoize keys (Flask-Caching's <c>_memoize_make_cache_key</c> and <c>_memoize_kwargs_to_args</c>):
/// <c>base64(hash(NAME + ARGS_TEXT + KWARGS_TEXT [+ fingerprint]))[..16]</c> followed by one 6-character version per version key.
/// </summary>
internal static class MemoizeKeyBuilder
{
    private const string VersionSuffix = "_memver";

    /// <summary>Normalizes a call's arguments over the function's parameters.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="positional">Positional arguments (a method's instance first).</param>
    /// <param name="named">Named arguments, or <see langword="null"/>.</param>
    /// <returns>The normalized call.</returns>
    /// <exception cref="ArgumentException">A method is called without its instance, or a class method without a <see cref="Type"/>.</exception>
    public static MemoizeNormalizedCall Normalize(MemoizeDescriptor descriptor, IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?>? named)
    {
        IReadOnlyList<string> names = descriptor.ParameterNames;
        var remaining = named is null ? [] : new HashSet<string>(named.Keys, StringComparer.Ordinal);
        var arguments = new List<object?>(Math.Max(names.Count, positional.Count));
        int next = 0;
        string? instanceToken = null;
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            object? value;
            if (descriptor.Ignored.Contains(name))
            {
                remaining.Remove(name);
                value = null;
                next++;
            }
            else if (i == 0 && descriptor.SelfKind != MemoizeSelfKind.None)
            {
                if (positional.Count == 0)
                {
                    throw new ArgumentException(
                        $"{descriptor.FunctionName} is a method: pass the {name} argument (the {(descriptor.SelfKind == MemoizeSelfKind.Cls ? "Type" : "instance")}) as the first positional argument, or use a wrapper bound to an instance.");
                }

                if (descriptor.SelfKind == MemoizeSelfKind.Cls && positional[0] is not Type)
                {
                    throw new ArgumentException($"{descriptor.FunctionName} takes a class (cls) first: pass the Type as the first positional argument, not {PythonRepr.Format(positional[0])}.");
                }

                value = positional[0] is { } instance ? CachingIdentity.Of(instance) : "None";
                instanceToken = descriptor.HasInstanceVersion ? (string)value : null;
                next++;
            }
            else if (named is not null && named.TryGetValue(name, out object? byName))
            {
                remaining.Remove(name);
                value = byName;
            }
            else if (next < positional.Count)
            {
                value = positional[next++];
            }
            else
            {
                value = descriptor.Defaults[i];
                next++;
            }

            arguments.Add(value);
        }

        // The *args tail is cut by parameter count, not by how many positionals were consumed (Flask-Caching's rule).
        for (int i = names.Count; i < positional.Count; i++)
        {
            arguments.Add(positional[i]);
        }

        List<KeyValuePair<string, object?>> leftovers = named is null
            ? []
            : remaining.Order(StringComparer.Ordinal).Select(n => new KeyValuePair<string, object?>(n, named[n])).ToList();
        return new MemoizeNormalizedCall([.. arguments], leftovers, VersionKeys(descriptor, instanceToken));
    }

    /// <summary>Returns the version keys: <c>fname_memver</c>, plus <c>fname.token_memver</c> for an instance.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="instanceToken">The instance's identity token, or <see langword="null"/>.</param>
    /// <returns>The keys, the function's first.</returns>
    public static string[] VersionKeys(MemoizeDescriptor descriptor, string? instanceToken)
    {
        string functionKey = descriptor.FunctionName + VersionSuffix;
        return instanceToken is null
            ? [functionKey]
            : [functionKey, MemoizeFunctionName.Filter(descriptor.FunctionName + "." + instanceToken) + VersionSuffix];
    }

    /// <summary>Returns the version keys for operations on a wrapper: the instance's too when it is bound to one.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="instance">The bound instance, or <see langword="null"/>.</param>
    /// <returns>The keys, the function's first.</returns>
    public static string[] VersionKeys(MemoizeDescriptor descriptor, object? instance)
        => VersionKeys(descriptor, instance is not null && descriptor.HasInstanceVersion ? CachingIdentity.Of(instance) : null);

    /// <summary>Returns the text hashed into the key (before the source fingerprint): <c>NAME + ARGS_TEXT + KWARGS_TEXT</c>.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="call">The normalized call.</param>
    /// <returns>The text.</returns>
    public static string HashInput(MemoizeDescriptor descriptor, MemoizeNormalizedCall call)
    {
        string name = descriptor.Options.MakeName is { } makeName ? makeName(descriptor.FunctionName) : descriptor.FunctionName;
        return name + PythonRepr.FormatTuple(call.Arguments) + PythonRepr.FormatOrderedDict(call.NamedArguments);
    }

    /// <summary>Builds the key of a normalized call for the given versions.</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="call">The normalized call.</param>
    /// <param name="versions">One version per version key.</param>
    /// <returns>The cache key.</returns>
    public static string Key(MemoizeDescriptor descriptor, MemoizeNormalizedCall call, IReadOnlyList<string> versions)
    {
        byte[] input = Encoding.UTF8.GetBytes(HashInput(descriptor, call));
        if (descriptor.SourceCheck)
        {
            input = [.. input, .. MethodFingerprint.Of(descriptor.Method)];
        }

        string digest = Convert.ToBase64String(descriptor.HashMethod.ComputeHash(input));
        return digest[..Math.Min(16, digest.Length)] + string.Concat(versions);
    }

    /// <summary>Builds the key of a call, reading the versions and creating missing ones (so it writes to the cache, as Flask-Caching does).</summary>
    /// <param name="descriptor">The function.</param>
    /// <param name="call">The normalized call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cache key.</returns>
    public static async ValueTask<string> BuildAsync(MemoizeDescriptor descriptor, MemoizeNormalizedCall call, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> versions = await descriptor.Cache.MemoizeVersions.GetOrCreateAsync(call.VersionKeys, cancellationToken).ConfigureAwait(false);
        return Key(descriptor, call, versions);
    }
}
