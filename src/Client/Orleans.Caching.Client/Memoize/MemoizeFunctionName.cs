using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Orleans.Caching;

/// <summary>Function names of memoized functions (Flask-Caching's <c>function_namespace</c>).</summary>
internal static class MemoizeFunctionName
{
    /// <summary>Derives the name: declaring type's full name, '.', method name, filtered.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The function name.</returns>
    public static string Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        string type = method.DeclaringType is { } declaring ? CachingIdentity.TypeName(declaring) : "lambda";
        return Filter(type + "." + method.Name);
    }

    /// <summary>Removes every character of Latin-1 outside <c>[A-Za-z0-9_.]</c> (Python's <c>translate</c> with Flask-Caching's table).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The filtered text.</returns>
    public static string Filter(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c > 0xff || char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Tells whether a delegate target is a compiler-generated closure (so the delegate is a plain function, not a bound method).</summary>
    /// <param name="target">The delegate's target.</param>
    /// <returns><see langword="true"/> for closures.</returns>
    public static bool IsClosure(object target)
    {
        Type type = target.GetType();
        return type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
            || type.Name.Contains('<', StringComparison.Ordinal)
            || type.FullName == "System.Runtime.CompilerServices.Closure";
    }
}
