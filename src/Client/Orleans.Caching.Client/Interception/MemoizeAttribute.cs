namespace Orleans.Caching;

/// <summary>
/// Memoizes a method of a service registered with <c>services.AddMemoized&lt;TService, TImplementation&gt;()</c> or
/// <c>services.AddMemoized&lt;TService&gt;()</c> (Flask-Caching's <c>@cache.memoize(...)</c> on a method): results are cached under the
/// same keys <see cref="Cache.Memoize{TDelegate}(TDelegate, MemoizeOptions?)"/> gives the implementation's method group, so
/// <see cref="Cache.DeleteMemoizedAsync(Delegate, object?[])"/> and its overloads work on either.
/// </summary>
/// <remarks>
/// <para>Put it on an interface method or on the implementation's method (interface proxies), or on a virtual method (class proxies).
/// The method must return a value, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> and take no <c>ref</c>/<c>out</c>/<c>in</c>
/// parameters; anything else is refused when the service is registered.</para>
/// <para>Callbacks (<c>unless</c>, <c>forced_update</c>, <c>is_stale</c>, <c>response_filter</c>, <c>make_name</c>) cannot be attribute
/// arguments: register them in a named policy with <c>services.AddMemoizePolicy(name, options =&gt; ...)</c> and name it in
/// <see cref="CachingAttribute.Policy"/>. Properties set on the attribute override the policy's.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MemoizeAttribute : CachingAttribute
{
    /// <summary>Initializes a new instance of the <see cref="MemoizeAttribute"/> class with the backend's default timeout.</summary>
    public MemoizeAttribute()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MemoizeAttribute"/> class.</summary>
    /// <param name="timeout">The time-to-live of results in seconds (<c>timeout</c>); 0 never expires.</param>
    public MemoizeAttribute(int timeout)
        : base(timeout)
    {
    }

    /// <summary>Gets or sets the function name used for keys and version keys instead of the derived one (<see cref="MemoizeOptions.Name"/>).</summary>
    /// <value><see langword="null"/>: the implementation type's full name and the method name, as <c>cache.Memoize(service.Method)</c> derives it.</value>
    public string? Name { get; set; }

    /// <summary>Gets or sets parameter names left out of keys (<c>args_to_ignore</c>); <c>"self"</c> makes all instances share entries.</summary>
    /// <value><see langword="null"/>: the policy's.</value>
    public string[]? ArgsToIgnore { get; set; }
}
