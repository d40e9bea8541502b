using System.Collections.Concurrent;
using System.Reflection;

namespace Orleans.Caching;

/// <summary>Finds the <see cref="ICacheBackendProvider"/>s declared with <see cref="CacheBackendProviderAttribute"/> on loaded assemblies,
/// after loading the assemblies of known provider packages that the application ships.</summary>
internal static class CacheBackendProviderDiscovery
{
    private static readonly ConcurrentDictionary<string, bool> s_loadAttempts = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<Assembly, Type[]> s_declared = new();

    /// <summary>Creates the providers of every loaded assembly, in a stable order.</summary>
    /// <param name="packageAssemblies">Assembly names of known provider packages to load if present.</param>
    /// <returns>The providers.</returns>
    /// <exception cref="InvalidOperationException">A declared provider type cannot be created or is not an <see cref="ICacheBackendProvider"/>.</exception>
    public static IReadOnlyList<ICacheBackendProvider> Discover(IEnumerable<string> packageAssemblies)
    {
        foreach (string name in packageAssemblies)
        {
            s_loadAttempts.GetOrAdd(name, TryLoad);
        }

        var types = new List<Type>();
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic)
            {
                types.AddRange(s_declared.GetOrAdd(assembly, Declared));
            }
        }

        return types.Distinct().OrderBy(t => t.AssemblyQualifiedName, StringComparer.Ordinal).Select(Create).ToList();
    }

    private static bool TryLoad(string assemblyName)
    {
        try
        {
            Assembly.Load(new AssemblyName(assemblyName));
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // Not shipped with the application: its names stay "provided by a package that is not registered".
            return false;
        }
    }

    private static Type[] Declared(Assembly assembly)
    {
        try
        {
            return assembly.GetCustomAttributes<CacheBackendProviderAttribute>().Select(a => a.ProviderType).ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return [];
        }
    }

    private static ICacheBackendProvider Create(Type type)
    {
        if (!typeof(ICacheBackendProvider).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new InvalidOperationException($"{type.FullName}, declared by [assembly: CacheBackendProvider] in {type.Assembly.GetName().Name}, is not a concrete {nameof(ICacheBackendProvider)}.");
        }

        try
        {
            return (ICacheBackendProvider)Activator.CreateInstance(type, nonPublic: true)!;
        }
        catch (MissingMethodException ex)
        {
            throw new InvalidOperationException($"{type.FullName}, declared by [assembly: CacheBackendProvider], needs a parameterless constructor.", ex);
        }
    }
}
