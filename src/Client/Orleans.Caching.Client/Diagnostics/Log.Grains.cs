using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>Log messages of the grain-backed client paths (EventIds 400–499).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 400, EventName = "LeaseReleaseFailed", Level = LogLevel.Warning,
        Message = "The single-flight lease on '{CacheKey}' could not be released; waiting callers retry when it runs out.")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string cacheKey);
}
