using System.Reflection;

namespace Orleans.Caching;

/// <summary>One call of a <c>cached</c> or <c>memoize</c> wrapper, as the callbacks (<c>unless</c>, <c>forced_update</c>, <c>is_stale</c>, <c>make_cache_key</c>) see it.</summary>
public sealed class CacheInvocation
{
    /// <summary>Initializes a new instance of the <see cref="CacheInvocation"/> class.</summary>
    /// <param name="function">The undecorated function.</param>
    /// <param name="method">The method that implements it (parameter names come from here).</param>
    /// <param name="instance">The instance a method is bound to, or <see langword="null"/>.</param>
    /// <param name="arguments">The call's arguments as passed.</param>
    /// <param name="cancellationToken">The call's cancellation token.</param>
    public CacheInvocation(Delegate function, MethodInfo method, object? instance, IReadOnlyList<object?> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        Function = function;
        Method = method;
        Instance = instance;
        Arguments = arguments;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the undecorated function (Flask's <c>f</c>, passed first to <c>unless</c>).</summary>
    public Delegate Function { get; }

    /// <summary>Gets the method behind the function.</summary>
    public MethodInfo Method { get; }

    /// <summary>Gets the instance the method is bound to, or <see langword="null"/> for functions.</summary>
    public object? Instance { get; }

    /// <summary>Gets the arguments as the caller passed them (not normalized).</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>Gets the call's cancellation token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets an argument by its parameter name.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The argument's value.</returns>
    /// <exception cref="ArgumentException">The method has no parameter of that name.</exception>
    public object? this[string name]
    {
        get
        {
            ParameterInfo[] parameters = Method.GetParameters();
            for (int i = 0; i < parameters.Length && i < Arguments.Count; i++)
            {
                if (parameters[i].Name == name)
                {
                    return Arguments[i];
                }
            }

            throw new ArgumentException($"{Method.Name} has no parameter named '{name}'.", nameof(name));
        }
    }
}
