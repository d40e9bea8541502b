using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The application's cached views (registered by <c>services.AddOrleansCachingViews()</c>): find the <see cref="CachedView"/> of a
/// <c>[Cached]</c> action or page handler (<see cref="ForMethod"/>) or of a minimal-API endpoint (<see cref="ForEndpoint"/>) to build
/// or delete its keys outside a request, or make one from options (<see cref="Create"/>).
/// </summary>
public sealed class CachedViews
{
    private readonly IServiceProvider _services;
    private readonly ViewCachingOptions _options;
    private readonly InterceptionPolicies _policies;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<MethodInfo, CachedView?> _byMethod = new();

    /// <summary>Initializes a new instance of the <see cref="CachedViews"/> class.</summary>
    /// <param name="services">The application's services (caches are resolved from them).</param>
    /// <param name="options">The view settings.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public CachedViews(IServiceProvider services, IOptions<ViewCachingOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _services = services;
        _options = options.Value;
        _policies = services.GetService<IOptions<InterceptionPolicies>>()?.Value ?? new InterceptionPolicies();
        _logger = loggerFactory.CreateLogger("Orleans.Caching.AspNetCore.Views");
    }

    /// <summary>Gets the view of a controller action or Razor Pages handler method carrying <see cref="CachedAttribute"/>
    /// (its named policy applied), the same instance every time.</summary>
    /// <param name="method">The action or handler method.</param>
    /// <returns>The view, or <see langword="null"/> if the method has no <see cref="CachedAttribute"/>.</returns>
    /// <exception cref="InvalidOperationException">The attribute names an unregistered policy or cache.</exception>
    public CachedView? ForMethod(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return _byMethod.GetOrAdd(method, CreateFromAttribute);
    }

    /// <summary>Gets the view of the minimal-API endpoint named <paramref name="endpointName"/> (<c>.WithName(...)</c>) that has <c>.Cached(...)</c>.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <returns>The view, or <see langword="null"/> if no such cached endpoint exists.</returns>
    public CachedView? ForEndpoint(string endpointName)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        foreach (Microsoft.AspNetCore.Http.Endpoint endpoint in _services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == endpointName
                && endpoint.Metadata.GetMetadata<CachedView>() is { } view)
            {
                return view;
            }
        }

        return null;
    }

    /// <summary>Makes a view from options, for a view wired by hand or to build the keys of given settings.</summary>
    /// <param name="options">The options.</param>
    /// <param name="method">The view's method, for the source check; <see langword="null"/> if none.</param>
    /// <returns>The view.</returns>
    /// <exception cref="InvalidOperationException">The named cache is not registered.</exception>
    public CachedView Create(CachedViewOptions options, MethodInfo? method = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Cache? cache = options.CacheName is null ? _services.GetService<Cache>() : _services.GetKeyedService<Cache>(options.CacheName);
        if (cache is null)
        {
            throw new InvalidOperationException(options.CacheName is null
                ? "A cached view needs a Cache: call services.AddOrleansCaching(...)."
                : $"A cached view uses the cache '{options.CacheName}', which is not registered: add it under Caching:Instances:{options.CacheName}.");
        }

        return new CachedView(cache, options, method, options.MaximumBodySize ?? _options.MaximumBodySize, _logger);
    }

    private CachedView? CreateFromAttribute(MethodInfo method)
    {
        if (method.GetCustomAttribute<CachedAttribute>(inherit: true) is not { } attribute)
        {
            return null;
        }

        string owner = $"The view {method.DeclaringType?.FullName}.{method.Name}";
        var options = new CachedViewOptions
        {
            Cached = _policies.CachedOptionsFor(owner, attribute),
            ResponseHitIndication = attribute.ResponseHitIndication,
            MaximumBodySize = attribute.MaximumBodySize > 0 ? attribute.MaximumBodySize : null,
            CacheName = attribute.CacheName,
        };
        return Create(options, method);
    }
}
