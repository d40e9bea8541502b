using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching;
using Orleans.Caching.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>.Cached(...)</c> on minimal-API endpoints: Flask-Caching's <c>@cache.cached</c> around the whole endpoint (the
/// handler and the writing of its result).</summary>
public static class CachedEndpointConventionBuilderExtensions
{
    /// <summary>Caches the endpoint's responses under <c>view/%s</c> with the request path.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="timeout">The time-to-live.</param>
    /// <param name="keyPrefix">The key prefix; <c>%s</c> is replaced by the request path.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Cached<TBuilder>(this TBuilder builder, CacheTimeout timeout, string keyPrefix = CachedOptions.DefaultKeyPrefix)
        where TBuilder : IEndpointConventionBuilder
        => builder.Cached(new CachedViewOptions { Cached = new CachedOptions { Timeout = timeout, KeyPrefix = keyPrefix } });

    /// <summary>Caches the endpoint's responses with Flask options (callbacks included).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Cached<TBuilder>(this TBuilder builder, CachedOptions options)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder.Cached(new CachedViewOptions { Cached = options });
    }

    /// <summary>Caches the endpoint's responses with view options.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder Cached<TBuilder>(this TBuilder builder, Action<CachedViewOptions> configure)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new CachedViewOptions();
        configure(options);
        return builder.Cached(options);
    }

    /// <summary>Caches the endpoint's responses with view options.</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">At startup, when <c>services.AddOrleansCachingViews()</c> was not called.</exception>
    public static TBuilder Cached<TBuilder>(this TBuilder builder, CachedViewOptions options)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Finally(endpoint =>
        {
            CachedViews views = endpoint.ApplicationServices.GetService<CachedViews>()
                ?? throw new InvalidOperationException($"The endpoint {endpoint.DisplayName} is .Cached(...) but cached views are not enabled: call services.AddOrleansCachingViews().");
            MethodInfo? method = null;
            foreach (object item in endpoint.Metadata)
            {
                if (item is MethodInfo found)
                {
                    method = found;
                    break;
                }
            }

            CachedView view = views.Create(options, method);
            RequestDelegate inner = endpoint.RequestDelegate
                ?? throw new InvalidOperationException($"The endpoint {endpoint.DisplayName} has no request delegate to cache.");
            endpoint.Metadata.Add(view);
            endpoint.RequestDelegate = context => InvokeAsync(view, context, inner);
        });
        return builder;
    }

    private static async Task InvokeAsync(CachedView view, HttpContext context, RequestDelegate inner)
        => await view.InvokeAsync(context, async () =>
        {
            await inner(context).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
}
