using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>Log messages of memoized views (EventIds 7100–7149, inside the views' 7000–7299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, EventName = "MemoizedViewNotStored", Level = LogLevel.Warning,
        Message = "The response of the memoized view {View} was served but could not be stored.")]
    public static partial void MemoizedViewNotStored(ILogger logger, string view, Exception exception);
}
