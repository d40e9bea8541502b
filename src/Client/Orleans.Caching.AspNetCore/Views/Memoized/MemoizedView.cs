using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// One memoized view: a controller action or Razor Pages handler method carrying <see cref="MemoizeAttribute"/> (Flask-Caching's
/// <c>@cache.memoize</c> on a view). Its response (<see cref="CachedViewResponse"/>) is cached under the memoize key of the method and
/// its bound arguments, built by the same code as <see cref="Cache.Memoize{TDelegate}(TDelegate, MemoizeOptions?)"/>.
/// </summary>
/// <remarks>
/// Controllers and page models are created per request, so the method is memoized like a function without <c>self</c>: the instance
/// is not part of the key and there is no per-instance version. Only the handler's parameters key the entry (page properties bound
/// with <c>[BindProperty]</c> do not); <see cref="CancellationToken"/> parameters are left out, and a parameter whose value has no
/// stable text (a service, for example) belongs in <see cref="MemoizeAttribute.ArgsToIgnore"/>.
/// </remarks>
public sealed class MemoizedView
{
    private static readonly Func<Delegate, object?[], ValueTask<object?>> s_callOriginal = static (function, _) => ((Func<ValueTask<object?>>)function)();

    private readonly object?[] _defaults;

    /// <summary>Initializes a new instance of the <see cref="MemoizedView"/> class and registers the method with the cache.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="method">The action or handler method.</param>
    /// <param name="options">The memoize options (the response filter already limited to view responses).</param>
    /// <param name="maximumBodySize">The largest cached body.</param>
    /// <param name="logger">The logger.</param>
    internal MemoizedView(Cache cache, MethodInfo method, MemoizeOptions options, long maximumBodySize, ILogger logger)
    {
        Logger = logger;
        Cache = cache;
        Method = method;
        Options = options;
        MaximumBodySize = maximumBodySize;
        Descriptor = new MemoizeDescriptor(cache, method, virtualSelf: false, argumentOffset: 0, options, typeof(CachedViewResponse), s_callOriginal);
        cache.MemoizeRegistry.RegisterIntercepted(Descriptor, contract: null);
        ParameterInfo[] parameters = method.GetParameters();
        _defaults = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            _defaults[i] = parameters[i].HasDefaultValue ? parameters[i].DefaultValue
                : type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }
    }

    /// <summary>Gets the cache the view's responses are stored in.</summary>
    public Cache Cache { get; }

    /// <summary>Gets the action or handler method.</summary>
    public MethodInfo Method { get; }

    /// <summary>Gets the memoize options (the attribute's over its policy's).</summary>
    public MemoizeOptions Options { get; }

    /// <summary>Gets the largest cached body, in bytes.</summary>
    public long MaximumBodySize { get; }

    /// <summary>Gets or sets the time-to-live of new entries (<c>cache_timeout</c>), read on each request.</summary>
    public CacheTimeout? CacheTimeout
    {
        get => Descriptor.Timeout;
        set => Descriptor.Timeout = value;
    }

    /// <summary>Gets the logger of view caching.</summary>
    internal ILogger Logger { get; }

    /// <summary>Gets the memoized function behind the view.</summary>
    internal MemoizeDescriptor Descriptor { get; }

    /// <summary>Builds the key a request with these argument values uses (<c>make_cache_key(view.uncached, *args)</c>); like
    /// Flask-Caching's, it creates missing version keys.</summary>
    /// <param name="args">The method's arguments in order (<see cref="CancellationToken"/> parameters left out).</param>
    /// <returns>The key.</returns>
    public ValueTask<string> MakeCacheKeyAsync(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return MakeCacheKeyAsync(args, new Dictionary<string, object?>(StringComparer.Ordinal), CancellationToken.None);
    }

    /// <summary>Builds the key of a call given with named arguments (<c>make_cache_key(view.uncached, foo="a", bar="b")</c>).</summary>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The arguments by parameter name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key.</returns>
    public ValueTask<string> MakeCacheKeyAsync(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> namedArgs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(namedArgs);
        return MemoizeKeyBuilder.BuildAsync(Descriptor, MemoizeKeyBuilder.Normalize(Descriptor, args, namedArgs), cancellationToken);
    }

    /// <summary>Invalidates the view's responses (<c>delete_memoized</c>) through <see cref="Cache.DeleteMemoizedAsync(MethodInfo, object?[])"/>:
    /// without arguments every response (the method's version is replaced), with arguments exactly the response of those values.</summary>
    /// <param name="args">The method's arguments in order; none for every response.</param>
    /// <returns>A task that completes when the version is replaced or the entry deleted.</returns>
    public Task DeleteMemoizedAsync(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Cache.DeleteMemoizedAsync(Method, args);
    }

    /// <summary>Deletes exactly the response of a call given with named arguments.</summary>
    /// <param name="args">The positional arguments.</param>
    /// <param name="namedArgs">The arguments by parameter name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    public Task DeleteMemoizedAsync(IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> namedArgs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(namedArgs);
        return MemoizeOperations.DeleteNormalizedAsync(Descriptor, MemoizeKeyBuilder.Normalize(Descriptor, args, namedArgs), cancellationToken);
    }

    /// <summary>Lays bound arguments out in parameter order: a missing one gets what MVC passes (its default, else <c>default(T)</c>).</summary>
    /// <param name="bound">The bound arguments by parameter name.</param>
    /// <returns>The arguments.</returns>
    internal object?[] Arguments(IDictionary<string, object?> bound)
    {
        ParameterInfo[] parameters = Descriptor.MethodParameters;
        var arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].Name is { } name && bound.TryGetValue(name, out object? value) ? value : _defaults[i];
        }

        return arguments;
    }

    /// <summary>Starts one request's call through the memoize engine.</summary>
    /// <param name="context">The request.</param>
    /// <param name="bound">The bound arguments by parameter name.</param>
    /// <returns>The call.</returns>
    internal MemoizedViewCall Begin(HttpContext context, IDictionary<string, object?> bound) => new(this, context, Arguments(bound));
}
