using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Orleans.Caching;

/// <summary>
/// The port of Flask-Caching's source check, for <c>cached</c> and <c>memoize</c>: a fingerprint of a method made of its signature text (result and parameter
/// types and names, not the method name) and the IL bytes of its body. The same body gives the same fingerprint; a changed body a different one. Methods without a readable body
/// (dynamic methods, extern methods) are fingerprinted by their signature only.
/// </summary>
internal static class MethodFingerprint
{
    private static readonly ConditionalWeakTable<MethodInfo, byte[]> s_fingerprints = new();

    /// <summary>Returns the fingerprint bytes of <paramref name="method"/>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The bytes appended to the key's hash input.</returns>
    public static byte[] Of(MethodInfo method) => s_fingerprints.GetValue(method, Compute);

    private static byte[] Compute(MethodInfo method)
    {
        // The name is already in the key (the function name), so two methods with the same signature and body match.
        string parameters = string.Join(", ", method.GetParameters().Select(p => p.ParameterType.FullName + " " + p.Name));
        byte[] signature = Encoding.UTF8.GetBytes(method.ReturnType.FullName + "(" + parameters + ")");
        byte[] body;
        try
        {
            body = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or MemberAccessException)
        {
            body = [];
        }

        return [.. signature, .. body];
    }
}
