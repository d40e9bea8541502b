using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>Configuration messages of the client (EventIds 300–399).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, EventName = "NullCacheConfigured", Level = LogLevel.Warning,
        Message = "{SectionPath}:Type (CACHE_TYPE) is NullCache: nothing will be cached. Set {SectionPath}:NoNullWarning (CACHE_NO_NULL_WARNING) to true to silence this warning.")]
    public static partial void NullCacheConfigured(ILogger logger, string sectionPath);

    [LoggerMessage(EventId = 301, EventName = "SerializerUnusedByNullCache", Level = LogLevel.Warning,
        Message = "A serializer is set ({SectionPath}:Serializer, CACHE_SERIALIZER) but the NullCache backend stores nothing, so it is never used.")]
    public static partial void SerializerUnusedByNullCache(ILogger logger, string sectionPath);

    [LoggerMessage(EventId = 302, EventName = "CacheCreated", Level = LogLevel.Information,
        Message = "Cache {CacheName} uses backend {BackendName} ({BackendType}) with serializer {SerializerType}.")]
    public static partial void CacheCreated(ILogger logger, string cacheName, string backendName, string backendType, string serializerType);
}
