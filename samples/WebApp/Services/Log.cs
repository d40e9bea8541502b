namespace Orleans.Caching.Samples.WebApp.Services;

/// <summary>Log messages of the sample app (EventIds 7700–7799).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7700, EventName = "SampleCacheCleared", Level = LogLevel.Information, Message = "Cleared the cache of the {Feature} page.")]
    public static partial void CacheCleared(ILogger logger, string feature);
}
