using Orleans.Caching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers services whose <see cref="MemoizeAttribute"/> and <see cref="CachedAttribute"/> methods are cached by a
/// DynamicProxy interceptor, and the named policies the attributes refer to.</summary>
public static class MemoizedServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TService"/> as an interface proxy over <typeparamref name="TImplementation"/> (constructed by the
    /// container): methods with <see cref="MemoizeAttribute"/> or <see cref="CachedAttribute"/>, on the interface or the implementation,
    /// are cached; the others pass through.</summary>
    /// <typeparam name="TService">The interface.</typeparam>
    /// <typeparam name="TImplementation">The implementation.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="lifetime">The service's lifetime. Each instance has its own identity (per-instance versions), so a transient or
    /// scoped service shares entries across instances only if it implements <see cref="ICachingId"/> or overrides <see cref="object.ToString"/>.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">An attributed method cannot be cached: it returns <see langword="void"/>,
    /// <see cref="Task"/> or <see cref="ValueTask"/>, has <c>ref</c>/<c>out</c>/<c>in</c> parameters, is generic, or is not part of the interface.</exception>
    public static IServiceCollection AddMemoized<TService, TImplementation>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(services);
        InterceptionPlan plan = InterceptionPlan.ForInterface(typeof(TService), typeof(TImplementation));
        services.AddOptions();
        services.Add(new ServiceDescriptor(typeof(TService), sp => MemoizedProxyFactory.CreateInterfaceProxy(sp, plan), lifetime));
        return services;
    }

    /// <summary>Registers <typeparamref name="TService"/> as a class proxy (a generated subclass, its constructor arguments from the
    /// container) whose virtual methods with <see cref="MemoizeAttribute"/> or <see cref="CachedAttribute"/> are cached.</summary>
    /// <typeparam name="TService">The class (not sealed).</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="lifetime">The service's lifetime.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">An attributed method is not virtual, or cannot be cached.</exception>
    public static IServiceCollection AddMemoized<TService>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        InterceptionPlan plan = InterceptionPlan.ForClass(typeof(TService));
        services.AddOptions();
        services.Add(new ServiceDescriptor(typeof(TService), sp => MemoizedProxyFactory.CreateClassProxy(sp, plan), lifetime));
        return services;
    }

    /// <summary>Registers a named memoize policy: the options (callbacks included) that <see cref="CachingAttribute.Policy"/> names.
    /// Properties set on the attribute override the policy's.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The policy's name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMemoizePolicy(this IServiceCollection services, string name, Action<MemoizeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure<InterceptionPolicies>(policies =>
        {
            var options = new MemoizeOptions();
            configure(options);
            policies.Memoize[name] = options;
        });
        return services;
    }

    /// <summary>Registers a named cached policy: the options that <see cref="CachingAttribute.Policy"/> names.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The policy's name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCachedPolicy(this IServiceCollection services, string name, Action<CachedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure<InterceptionPolicies>(policies =>
        {
            var options = new CachedOptions();
            configure(options);
            policies.Cached[name] = options;
        });
        return services;
    }
}
