using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "CachedValueUnreadable", Level = LogLevel.Warning,
        Message = "The value cached under '{CacheKey}' cannot be read as {StorageType}; the call counts as a miss and the value is replaced.")]
    public static partial void CachedValueUnreadable(ILogger logger, Exception exception, string cacheKey, Type storageType);
}
