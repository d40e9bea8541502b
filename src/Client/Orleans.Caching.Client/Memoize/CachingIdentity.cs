using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Orleans.Caching;

/// <summary>
/// The identity token of an object in memoize keys (Flask-Caching's <c>get_id</c>): <see cref="ICachingId.CachingId"/> if
/// implemented; else <see cref="object.ToString"/> if the type overrides it (invariant culture for formattable values);
/// else a per-object identity <c>&lt;Full.Type.Name object at 0x1f&gt;</c> that is unique among live objects and stable for
/// an object's lifetime (Python's default <c>repr</c> with its memory address).
/// </summary>
internal static class CachingIdentity
{
    private static readonly ConditionalWeakTable<object, StrongBox<long>> s_ids = new();
    private static readonly ConditionalWeakTable<Type, StrongBox<bool>> s_overridesToString = new();
    private static long s_nextId;

    /// <summary>Returns the identity token of <paramref name="value"/>.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The token.</returns>
    public static string Of(object value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // An interface proxy (AddMemoized) has its target's identity: the interceptor keys the target.
        value = ProxyTargets.Unwrap(value)!;
        switch (value)
        {
            case ICachingId cachingId:
                return cachingId.CachingId ?? string.Empty;
            case Type type:
                return "<class '" + TypeName(type) + "'>";
            case Enum:
                return TypeName(value.GetType()) + "." + value.ToString();
            case IFormattable formattable when OverridesToString(value.GetType()):
                return formattable.ToString(null, CultureInfo.InvariantCulture);
        }

        Type valueType = ProxyTargets.UnproxiedType(value);
        if (OverridesToString(valueType))
        {
            return value.ToString() ?? string.Empty;
        }

        if (valueType.IsValueType)
        {
            // A boxed struct has no lasting identity: its fields are its identity.
            return TypeName(valueType) + "(" + JsonSerializer.Serialize(value, valueType) + ")";
        }

        long id = s_ids.GetValue(value, static _ => new StrongBox<long>(Interlocked.Increment(ref s_nextId))).Value;
        return "<" + TypeName(valueType) + " object at 0x" + id.ToString("x", CultureInfo.InvariantCulture) + ">";
    }

    /// <summary>Returns a type's name as it appears in function names and tokens: full name, nested types joined with '.', no generic arguments.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string TypeName(Type type)
    {
        Type named = type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
        return (named.FullName ?? named.Name).Replace('+', '.');
    }

    private static bool OverridesToString(Type type)
        => s_overridesToString.GetValue(type, static t =>
        {
            MethodInfo? toString = t.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            Type? declaring = toString?.DeclaringType;
            return new StrongBox<bool>(declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType));
        }).Value;
}
