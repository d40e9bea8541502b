using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching;

/// <summary>
/// Builds backends named by type in <c>Caching:Type</c>: an <see cref="ICacheBackendFactory"/> (constructed with DI); an
/// <see cref="ICacheBackend"/> with a public static <c>Create(CacheBackendFactoryContext)</c>; any other <see cref="ICacheBackend"/>
/// (constructed with DI services plus <c>CACHE_ARGS</c>); or <c>"Namespace.Type.Method"</c>, a public static factory method.
/// </summary>
internal static class CustomBackendActivator
{
    /// <summary>Finds the factory for a type or method name, <see langword="null"/> if nothing has that name.</summary>
    /// <exception cref="CacheConfigurationException">Something has that name but cannot build a backend.</exception>
    public static Func<CacheBackendFactoryContext, ICacheBackend>? TryResolve(string typeName)
    {
        if (TypeNameResolver.FindType(typeName) is { } type)
        {
            return ForType(typeName, type);
        }

        if (TypeNameResolver.FindMethodOwner(typeName) is { } owner)
        {
            MethodInfo? method = owner.Type.GetMethod(owner.MethodName, BindingFlags.Public | BindingFlags.Static, [typeof(CacheBackendFactoryContext)]);
            if (method is null || !typeof(ICacheBackend).IsAssignableFrom(method.ReturnType))
            {
                throw Invalid(typeName, $"{owner.Type.FullName} has no public static method {owner.MethodName}(CacheBackendFactoryContext) returning ICacheBackend");
            }

            return context => Invoke(typeName, method, context);
        }

        return null;
    }

    private static Func<CacheBackendFactoryContext, ICacheBackend> ForType(string typeName, Type type)
    {
        if (type.IsAbstract || type.IsGenericTypeDefinition)
        {
            throw Invalid(typeName, $"{type.FullName} is abstract or generic; name a concrete type implementing ICacheBackendFactory or ICacheBackend");
        }

        if (typeof(ICacheBackendFactory).IsAssignableFrom(type))
        {
            return context => Construct<ICacheBackendFactory>(typeName, type, context, []).Create(context)
                              ?? throw Invalid(typeName, $"{type.FullName}.Create returned null");
        }

        if (!typeof(ICacheBackend).IsAssignableFrom(type))
        {
            throw Invalid(typeName, $"{type.FullName} implements neither ICacheBackendFactory nor ICacheBackend");
        }

        MethodInfo? create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(CacheBackendFactoryContext)]);
        if (create is not null && typeof(ICacheBackend).IsAssignableFrom(create.ReturnType))
        {
            return context => Invoke(typeName, create, context);
        }

        return context => Construct<ICacheBackend>(typeName, type, context, [.. context.Args]);
    }

    private static T Construct<T>(string typeName, Type type, CacheBackendFactoryContext context, object[] arguments)
    {
        try
        {
            return (T)ActivatorUtilities.CreateInstance(context.Services, type, arguments);
        }
        catch (Exception ex) when (ex is InvalidOperationException or MissingMethodException or TargetInvocationException)
        {
            throw Invalid(typeName, $"couldn't construct {type.FullName} with the registered services and {arguments.Length} argument(s) from Caching:Args (CACHE_ARGS): {(ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    private static ICacheBackend Invoke(string typeName, MethodInfo method, CacheBackendFactoryContext context)
    {
        try
        {
            return (ICacheBackend?)method.Invoke(null, [context])
                   ?? throw Invalid(typeName, $"{method.DeclaringType!.FullName}.{method.Name} returned null");
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            if (ex.InnerException is CacheConfigurationException)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException);
            }

            throw Invalid(typeName, $"{method.DeclaringType!.FullName}.{method.Name} failed: {ex.InnerException.Message}", ex.InnerException);
        }
    }

    private static CacheConfigurationException Invalid(string typeName, string reason, Exception? inner = null)
        => new($"{CacheConfigurationNormalizer.SectionName}:Type",
            $"Invalid cache configuration: Caching:Type (CACHE_TYPE) is '{typeName}'; {reason}.", inner);
}
