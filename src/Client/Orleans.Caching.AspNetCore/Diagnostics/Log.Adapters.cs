using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>Log messages of the output cache store, the distributed cache and the fragment tag helper (EventIds 7300–7599).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7300, Level = LogLevel.Warning, Message = "The output cache could not read entry '{Key}'; the response is produced uncached.")]
    public static partial void OutputCacheReadFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "The output cache could not store entry '{Key}'; the response was served uncached.")]
    public static partial void OutputCacheWriteFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "The output cache entry '{Key}' is not in this store's format; it is treated as a miss.")]
    public static partial void OutputCacheEntryCorrupt(ILogger logger, string key);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "The output cache entry '{Key}' carries an evicted tag; it is treated as a miss and deleted.")]
    public static partial void OutputCacheEntryEvicted(ILogger logger, string key);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Warning, Message = "The output cache could not delete the evicted entry '{Key}'; it stays unreachable until it expires.")]
    public static partial void OutputCacheDeleteFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7400, Level = LogLevel.Warning, Message = "The distributed cache entry '{Key}' is not in this store's format; it is treated as a miss.")]
    public static partial void DistributedCacheEntryCorrupt(ILogger logger, string key);

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "The distributed cache could not extend the sliding expiration of '{Key}'.")]
    public static partial void DistributedCacheRefreshFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7500, Level = LogLevel.Warning, Message = "The <orleans-cache> fragment '{Key}' could not be read or written; the fragment is rendered uncached.")]
    public static partial void FragmentCacheFailed(ILogger logger, string key, Exception exception);
}
