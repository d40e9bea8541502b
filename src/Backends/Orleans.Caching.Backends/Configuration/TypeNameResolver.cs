using System.Reflection;

namespace Orleans.Caching;

/// <summary>Finds a type by assembly-qualified name, or by full name among the loaded assemblies.</summary>
internal static class TypeNameResolver
{
    public static Type? FindType(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.Contains(',', StringComparison.Ordinal))
        {
            try
            {
                return Type.GetType(trimmed, throwOnError: false);
            }
            catch (Exception ex) when (ex is FileLoadException or BadImageFormatException or ArgumentException)
            {
                return null;
            }
        }

        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            if (assembly.GetType(trimmed, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Splits <c>"Namespace.Type.Method"</c> or <c>"Namespace.Type.Method, Assembly"</c> and finds the type part.</summary>
    public static (Type Type, string MethodName)? FindMethodOwner(string name)
    {
        string trimmed = name.Trim();
        int comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        string path = comma < 0 ? trimmed : trimmed[..comma].Trim();
        string assembly = comma < 0 ? string.Empty : trimmed[comma..];
        int dot = path.LastIndexOf('.');
        if (dot <= 0 || dot == path.Length - 1)
        {
            return null;
        }

        return FindType(path[..dot] + assembly) is { } owner ? (owner, path[(dot + 1)..]) : null;
    }
}
