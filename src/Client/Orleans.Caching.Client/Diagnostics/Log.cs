using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>
/// Source-generated log messages of the client. EventIds are never reused: facade 1–99, <c>cached</c> 100–199,
/// <c>memoize</c> 200–299, configuration 300–399; each area keeps its messages in its own <c>Log.Area.cs</c> partial.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "DecoratorCacheFailure", Level = LogLevel.Error,
        Message = "The cache failed during {Operation} for key '{CacheKey}'; the function runs uncached.")]
    public static partial void DecoratorCacheFailure(ILogger logger, Exception exception, string operation, string? cacheKey);
}
