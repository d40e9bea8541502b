using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>Log messages of cached views (EventIds 7000–7299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, EventName = "ViewResponseNotCached", Level = LogLevel.Information,
        Message = "The response of the cached view {Path} was served uncached: {Reason}.")]
    public static partial void ViewResponseNotCached(ILogger logger, string path, string reason);
}
