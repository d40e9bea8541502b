using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching;

/// <summary>Picks the serializer of a cache (<c>CACHE_SERIALIZER</c>): one set in code wins; otherwise empty means
/// <see cref="JsonCacheSerializer"/>, <c>"Json"</c> names it, and a type name implementing <see cref="ICacheSerializer"/> is
/// instantiated through dependency injection or its parameterless constructor.</summary>
internal static class CacheSerializerResolver
{
    private const string Key = "Serializer";

    public static bool IsConfigured(CachingRegistration registration, CacheConfigurationReader reader)
        => registration.Serializer is not null || reader.GetNonEmptyString(Key) is not null;

    /// <summary>Checks the configured name without building anything.</summary>
    public static void Validate(CachingRegistration registration, CacheConfigurationReader reader)
    {
        if (registration.Serializer is null && reader.GetNonEmptyString(Key) is { } text && !IsJson(text))
        {
            _ = FindSerializerType(reader, text);
        }
    }

    public static ICacheSerializer Resolve(CachingRegistration registration, CacheConfigurationReader reader, IServiceProvider services)
    {
        if (registration.Serializer is { } fromCode)
        {
            return fromCode(services);
        }

        string? text = reader.GetNonEmptyString(Key);
        if (text is null || IsJson(text))
        {
            return new JsonCacheSerializer();
        }

        Type type = FindSerializerType(reader, text);
        return Instantiate(services, type, $"{reader.Describe(Key)} is '{text}'");
    }

    public static ICacheSerializer Instantiate(IServiceProvider services, Type type, string source)
    {
        try
        {
            return (ICacheSerializer?)services.GetService(type) ?? (ICacheSerializer)ActivatorUtilities.CreateInstance(services, type);
        }
        catch (Exception ex) when (ex is InvalidOperationException or MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            string reason = (ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message;
            throw new CacheConfigurationException($"Couldn't instantiate serializer {type.FullName} ({source}): {reason}", ex);
        }
    }

    private static bool IsJson(string text)
        => text.Equals("Json", StringComparison.OrdinalIgnoreCase)
           || text.Equals(nameof(JsonCacheSerializer), StringComparison.OrdinalIgnoreCase)
           || text.Equals(typeof(JsonCacheSerializer).FullName, StringComparison.OrdinalIgnoreCase);

    private static Type FindSerializerType(CacheConfigurationReader reader, string text)
    {
        string fullKey = reader.FullKey(Key);
        Type type = TypeNameResolver.FindType(text)
            ?? throw CacheConfigurationReader.Invalid(fullKey, reader.Describe(Key), text,
                "no type has that name; use \"Json\" or the assembly-qualified name of a type implementing ICacheSerializer");
        if (!typeof(ICacheSerializer).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw CacheConfigurationReader.Invalid(fullKey, reader.Describe(Key), text,
                $"{type.FullName} is not a concrete type implementing ICacheSerializer");
        }

        return type;
    }
}
