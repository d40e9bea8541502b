using System.Reflection;

namespace Orleans.Caching;

/// <summary>How a memoized function's first parameter is treated.</summary>
internal enum MemoizeSelfKind
{
    /// <summary>A plain function.</summary>
    None,

    /// <summary>A method: the first argument is the instance; its identity token is keyed and it gets a per-instance version.</summary>
    Self,

    /// <summary>A "class method": the first argument is a <see cref="Type"/>, keyed by its identity; no per-instance version.</summary>
    Cls,
}

/// <summary>
/// Everything known about one memoized function (Flask-Caching's decorated function): its method, name, options and
/// parameter layout, shared by every wrapper bound from it.
/// </summary>
internal sealed class MemoizeDescriptor
{
    private sealed record TimeoutBox(CacheTimeout? Value);

    private TimeoutBox _timeout;

    public MemoizeDescriptor(Cache cache, MethodInfo method, bool virtualSelf, int argumentOffset, MemoizeOptions options, Type resultType, Func<Delegate, object?[], ValueTask<object?>> callOriginal)
    {
        Cache = cache;
        Method = method;
        Options = options;
        VirtualSelf = virtualSelf;
        ArgumentOffset = argumentOffset;
        CallOriginal = callOriginal;
        Shape = CachedResultShape.For(resultType);
        FunctionName = options.Name is { } name ? MemoizeFunctionName.Filter(name) : MemoizeFunctionName.Of(method);
        _timeout = new TimeoutBox(options.Timeout);
        Ignored = options.ArgsToIgnore is { Count: > 0 } ignored ? new HashSet<string>(ignored, StringComparer.Ordinal) : [];

        MethodParameters = method.GetParameters();
        ParamsIndex = MethodParameters.Length > 0 && MethodParameters[^1].IsDefined(typeof(ParamArrayAttribute), inherit: false) ? MethodParameters.Length - 1 : -1;
        var names = new List<string>();
        var defaults = new List<object?>();
        if (virtualSelf)
        {
            names.Add("self");
            defaults.Add(null);
        }

        for (int i = 0; i < MethodParameters.Length; i++)
        {
            ParameterInfo parameter = MethodParameters[i];
            if (i == ParamsIndex || parameter.ParameterType == typeof(CancellationToken))
            {
                continue;
            }

            names.Add(parameter.Name ?? "arg" + i);
            defaults.Add(parameter.HasDefaultValue ? parameter.DefaultValue : null);
        }

        ParameterNames = names;
        Defaults = defaults;
        SelfKind = names.Count == 0 ? MemoizeSelfKind.None : names[0] switch
        {
            "self" => MemoizeSelfKind.Self,
            "cls" => MemoizeSelfKind.Cls,
            _ => MemoizeSelfKind.None,
        };
    }

    /// <summary>Gets the cache the function is memoized in.</summary>
    public Cache Cache { get; }

    /// <summary>Gets the method behind the function.</summary>
    public MethodInfo Method { get; }

    /// <summary>Gets the options given at wrap time.</summary>
    public MemoizeOptions Options { get; }

    /// <summary>Gets the function name (<c>fname</c>): prefix of the version keys and, through <see cref="MemoizeOptions.MakeName"/>, of the hash input.</summary>
    public string FunctionName { get; }

    /// <summary>Gets a value indicating whether the instance is not a parameter of <see cref="Method"/> but the delegate's target (or an open delegate's first argument): a virtual <c>self</c> leads <see cref="ParameterNames"/>.</summary>
    public bool VirtualSelf { get; }

    /// <summary>Gets how many leading delegate arguments are not parameters of <see cref="Method"/> (1 for open-instance delegates).</summary>
    public int ArgumentOffset { get; }

    /// <summary>Gets the parameters of <see cref="Method"/>.</summary>
    public ParameterInfo[] MethodParameters { get; }

    /// <summary>Gets the index of the <c>params</c> array parameter in <see cref="MethodParameters"/>, or -1.</summary>
    public int ParamsIndex { get; }

    /// <summary>Gets the names normalization maps arguments onto (Python's positional-or-keyword parameters): a virtual <c>self</c>, then every parameter but cancellation tokens and the <c>params</c> array.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Gets the default of each of <see cref="ParameterNames"/> (<see langword="null"/> when none).</summary>
    public IReadOnlyList<object?> Defaults { get; }

    /// <summary>Gets how the first parameter is treated.</summary>
    public MemoizeSelfKind SelfKind { get; }

    /// <summary>Gets the names in <see cref="MemoizeOptions.ArgsToIgnore"/>.</summary>
    public IReadOnlySet<string> Ignored { get; }

    /// <summary>Gets a value indicating whether calls get a per-instance version key (a method whose <c>self</c> is not ignored).</summary>
    public bool HasInstanceVersion => SelfKind == MemoizeSelfKind.Self && !Ignored.Contains("self");

    /// <summary>Gets how results are stored (generators are drained).</summary>
    public CachedResultShape Shape { get; }

    /// <summary>Gets the caller of the original delegate.</summary>
    public Func<Delegate, object?[], ValueTask<object?>> CallOriginal { get; }

    /// <summary>Gets or sets the current timeout, read at call time (<c>cache_timeout</c>).</summary>
    public CacheTimeout? Timeout
    {
        get => Volatile.Read(ref _timeout).Value;
        set => Volatile.Write(ref _timeout, new TimeoutBox(value));
    }

    /// <summary>Gets the hash method in force now.</summary>
    public CacheHashMethod HashMethod => Options.HashMethod ?? Cache.HashMethod;

    /// <summary>Gets a value indicating whether the source fingerprint is folded into keys, resolved now.</summary>
    public bool SourceCheck => Options.SourceCheck ?? Cache.Options.SourceCheck;

    /// <summary>Turns the delegate's raw arguments into the positional list normalization works on: the bound instance (if any),
    /// each argument except cancellation tokens, then the elements of a <c>params</c> array.</summary>
    /// <param name="delegateArguments">The arguments as the delegate received them.</param>
    /// <param name="boundInstance">The delegate's target for bound method groups.</param>
    /// <returns>The positional arguments.</returns>
    public List<object?> ToPositional(IReadOnlyList<object?> delegateArguments, object? boundInstance)
    {
        var positional = new List<object?>(delegateArguments.Count + 1);
        if (VirtualSelf && ArgumentOffset == 0)
        {
            positional.Add(boundInstance);
        }

        for (int i = 0; i < delegateArguments.Count; i++)
        {
            int index = i - ArgumentOffset;
            if (index >= 0 && index < MethodParameters.Length && MethodParameters[index].ParameterType == typeof(CancellationToken))
            {
                continue;
            }

            if (index >= 0 && index == ParamsIndex)
            {
                if (delegateArguments[i] is System.Collections.IEnumerable tail)
                {
                    positional.AddRange(tail.Cast<object?>());
                }

                continue;
            }

            positional.Add(delegateArguments[i]);
        }

        return positional;
    }
}
