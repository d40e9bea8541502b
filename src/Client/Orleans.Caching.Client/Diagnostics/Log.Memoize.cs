using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>Log messages of <c>memoize</c> (EventIds 200–299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 201, EventName = "MemoizedVersionReset", Level = LogLevel.Debug,
        Message = "The version of {FunctionName} was reset through '{VersionKey}'; its cached results are orphaned.")]
    public static partial void MemoizedVersionReset(ILogger logger, string functionName, string versionKey);

    [LoggerMessage(EventId = 202, EventName = "MemoizedEntryDeleted", Level = LogLevel.Debug,
        Message = "The memoized result '{CacheKey}' of {FunctionName} was deleted.")]
    public static partial void MemoizedEntryDeleted(ILogger logger, string functionName, string cacheKey);
}
