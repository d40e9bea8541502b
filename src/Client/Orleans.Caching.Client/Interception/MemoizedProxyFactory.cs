using Castle.DynamicProxy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Caching;

/// <summary>Creates the DynamicProxy proxies registered by <c>AddMemoized</c>; one generator, so each proxy type is built once.</summary>
internal static class MemoizedProxyFactory
{
    private static readonly ProxyGenerator s_generator = new();

    /// <summary>Creates an interface proxy around a new implementation instance.</summary>
    /// <param name="services">The service provider.</param>
    /// <param name="plan">The registration's plan.</param>
    /// <returns>The proxy.</returns>
    public static object CreateInterfaceProxy(IServiceProvider services, InterceptionPlan plan)
    {
        CachingInterceptor interceptor = CreateInterceptor(services, plan);
        object target = ActivatorUtilities.CreateInstance(services, plan.ImplementationType);

        // The proxy forwards Dispose/DisposeAsync so the container still disposes the implementation.
        Type[] additional = [.. new[] { typeof(IDisposable), typeof(IAsyncDisposable) }.Where(t => t.IsInstanceOfType(target) && !t.IsAssignableFrom(plan.ServiceType))];
        return s_generator.CreateInterfaceProxyWithTarget(plan.ServiceType, additional, target, interceptor);
    }

    /// <summary>Creates a class proxy (a subclass overriding the virtual methods), its constructor arguments from the container.</summary>
    /// <param name="services">The service provider.</param>
    /// <param name="plan">The registration's plan.</param>
    /// <returns>The proxy.</returns>
    public static object CreateClassProxy(IServiceProvider services, InterceptionPlan plan)
    {
        CachingInterceptor interceptor = CreateInterceptor(services, plan);
        return s_generator.CreateClassProxy(plan.ImplementationType, ConstructorArguments(services, plan.ImplementationType), interceptor);
    }

    // The public constructor with the most parameters the container can supply all of (ActivatorUtilities' rule), resolved.
    private static object?[] ConstructorArguments(IServiceProvider services, Type type)
    {
        IServiceProviderIsService? isService = services.GetService<IServiceProviderIsService>();
        System.Reflection.ConstructorInfo? best = null;
        foreach (System.Reflection.ConstructorInfo constructor in type.GetConstructors())
        {
            System.Reflection.ParameterInfo[] parameters = constructor.GetParameters();
            bool resolvable = parameters.All(p => p.HasDefaultValue || p.ParameterType == typeof(IServiceProvider)
                || (isService?.IsService(p.ParameterType) ?? services.GetService(p.ParameterType) is not null));
            if (resolvable && (best is null || parameters.Length > best.GetParameters().Length))
            {
                best = constructor;
            }
        }

        if (best is null)
        {
            throw new InvalidOperationException($"AddMemoized<{type.Name}>: no public constructor of {type.FullName} has parameters the container can all supply.");
        }

        return [.. best.GetParameters().Select(p => p.ParameterType == typeof(IServiceProvider) ? services
            : services.GetService(p.ParameterType) ?? (p.HasDefaultValue ? p.DefaultValue : null))];
    }

    private static CachingInterceptor CreateInterceptor(IServiceProvider services, InterceptionPlan plan)
    {
        InterceptionPolicies policies = services.GetService<IOptions<InterceptionPolicies>>()?.Value ?? new InterceptionPolicies();
        return new CachingInterceptor(plan, policies, name => ResolveCache(services, plan, name));
    }

    private static Cache ResolveCache(IServiceProvider services, InterceptionPlan plan, string? name)
    {
        Cache? cache = name is null ? services.GetService<Cache>() : services.GetKeyedService<Cache>(name);
        return cache ?? throw new InvalidOperationException(name is null
            ? $"{plan.ServiceType.FullName} has [Memoize]/[Cached] methods but no Cache is registered: call services.AddOrleansCaching(...)."
            : $"{plan.ServiceType.FullName} has a [Memoize]/[Cached] method using the cache '{name}', which is not registered: add it under Caching:Instances:{name}.");
    }
}
