using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The application's memoized views (registered by <c>services.AddOrleansCachingViews()</c>): find the <see cref="MemoizedView"/> of a
/// <c>[Memoize]</c> controller action or Razor Pages handler method to build or delete its keys outside a request.
/// </summary>
public sealed class MemoizedViews
{
    private readonly IServiceProvider _services;
    private readonly ViewCachingOptions _options;
    private readonly InterceptionPolicies _policies;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<MethodInfo, Lazy<MemoizedView?>> _byMethod = new();
    private readonly Func<MethodInfo, Lazy<MemoizedView?>> _create;

    /// <summary>Initializes a new instance of the <see cref="MemoizedViews"/> class.</summary>
    /// <param name="services">The application's services (caches and memoize policies are resolved from them).</param>
    /// <param name="options">The view settings.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public MemoizedViews(IServiceProvider services, IOptions<ViewCachingOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _services = services;
        _options = options.Value;
        _policies = services.GetService<IOptions<InterceptionPolicies>>()?.Value ?? new InterceptionPolicies();
        _logger = loggerFactory.CreateLogger("Orleans.Caching.AspNetCore.Views");
        _create = method => new Lazy<MemoizedView?>(() => Create(method));
    }

    /// <summary>Gets the view of a controller action or Razor Pages handler method carrying <see cref="MemoizeAttribute"/> (its named
    /// policy applied), the same instance every time; the first call registers the method with its cache, so
    /// <see cref="Cache.DeleteMemoizedAsync(MethodInfo, object?[])"/> knows it.</summary>
    /// <param name="method">The action or handler method.</param>
    /// <returns>The view, or <see langword="null"/> if the method has no <see cref="MemoizeAttribute"/>.</returns>
    /// <exception cref="InvalidOperationException">The attribute names an unregistered policy, cache or hash method, or the method also has <see cref="CachedAttribute"/>.</exception>
    public MemoizedView? ForMethod(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return (_byMethod.TryGetValue(method, out Lazy<MemoizedView?>? view) ? view : _byMethod.GetOrAdd(method, _create)).Value;
    }

    private MemoizedView? Create(MethodInfo method)
    {
        if (method.GetCustomAttribute<MemoizeAttribute>(inherit: true) is not { } attribute)
        {
            return null;
        }

        string owner = $"The view {InterceptionPlan.Describe(method)}";
        if (method.IsDefined(typeof(CachedAttribute), inherit: true))
        {
            throw new InvalidOperationException($"{owner} has both [Memoize] and [Cached]; keep one.");
        }

        if (attribute.HashMethod is { } hash && InterceptionPolicies.FindHashMethod(hash) is null)
        {
            throw new InvalidOperationException($"{owner}: HashMethod '{hash}' is unknown; use one of {string.Join(", ", CacheHashMethod.All.Select(h => h.Name))}.");
        }

        MemoizeOptions options = _policies.MemoizeOptionsFor(owner, attribute);
        Func<object?, bool>? userFilter = options.ResponseFilter;
        options.ResponseFilter = value => value is CachedViewResponse response && (userFilter is null ? response.IsSuccessStatusCode : userFilter(response));
        Cache? cache = attribute.CacheName is null ? _services.GetService<Cache>() : _services.GetKeyedService<Cache>(attribute.CacheName);
        if (cache is null)
        {
            throw new InvalidOperationException(attribute.CacheName is null
                ? $"{owner} has [Memoize] but no Cache is registered: call services.AddOrleansCaching(...)."
                : $"{owner} has [Memoize] using the cache '{attribute.CacheName}', which is not registered: add it under Caching:Instances:{attribute.CacheName}.");
        }

        return new MemoizedView(cache, method, options, _options.MaximumBodySize, _logger);
    }
}
