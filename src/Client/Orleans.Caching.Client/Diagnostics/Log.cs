using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>
/// Source-generated log messages of the client. EventIds are never reused (retired: 100, 200): facade 1–99, <c>cached</c> 100–199,
/// <c>memoize</c> 200–299, configuration 300–399; each area keeps its messages in its own <c>Log.Area.cs</c> partial.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "DecoratorCacheFailure", Level = LogLevel.Error,
        Message = "The cache failed during {Operation} for key '{CacheKey}'; the function runs uncached.")]
    public static partial void DecoratorCacheFailure(ILogger logger, Exception exception, string operation, string? cacheKey);

    [LoggerMessage(EventId = 2, EventName = "DecoratorValueUnreadable", Level = LogLevel.Warning,
        Message = "The value cached by {Decorator} under '{CacheKey}' cannot be read as {StorageType}; the call counts as a miss and the value is replaced.")]
    public static partial void DecoratorValueUnreadable(ILogger logger, Exception exception, CacheSignalKind decorator, string cacheKey, Type storageType);
}
