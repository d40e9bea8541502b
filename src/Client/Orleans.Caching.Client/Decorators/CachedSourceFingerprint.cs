using System.Reflection;
using System.Text;

namespace Orleans.Caching;

/// <summary>
/// The stand-in for Flask-Caching's function source text in <c>source_check</c> keys: the method body's IL bytes followed
/// by its signature (return and parameter types, not the method's name), so two methods or lambdas with the same body and
/// signature share keys and a changed body gets new ones.
/// </summary>
/// <remarks>
/// IL refers to other members through metadata tokens, so a body calling a different method, or a lambda capturing into a
/// different closure class, differs. Methods without an IL body (dynamic or native methods) fall back to their declaring
/// type and name.
/// </remarks>
internal static class CachedSourceFingerprint
{
    /// <summary>Computes the fingerprint bytes of a method.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The bytes to hash.</returns>
    public static byte[] Compute(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        byte[] il = TryGetIl(method) ?? Encoding.UTF8.GetBytes(method.DeclaringType?.FullName + "." + method.Name);
        string signature = method.ReturnType.FullName + " (" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.FullName)) + ")";
        byte[] text = Encoding.UTF8.GetBytes(signature);
        var result = new byte[il.Length + text.Length];
        il.CopyTo(result, 0);
        text.CopyTo(result, il.Length);
        return result;
    }

    private static byte[]? TryGetIl(MethodInfo method)
    {
        try
        {
            return method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
