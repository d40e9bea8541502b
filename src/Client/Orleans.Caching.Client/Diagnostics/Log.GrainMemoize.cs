using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>Log messages of the grain-call memoize filter (EventIds 7600–7699).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7600, EventName = "GrainMemoizePlanned", Level = LogLevel.Debug,
        Message = "Calls to {GrainInterface} are memoized for: {Methods}.")]
    public static partial void GrainMemoizePlanned(ILogger logger, Type grainInterface, string methods);
}
