using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Silo;

/// <summary>Log messages of the silo host and its dashboard. EventIds 6800–6999, never reused.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6800, EventName = "DashboardListening", Level = LogLevel.Information,
        Message = "The silo dashboard and health endpoints listen on http://{Address}:{Port} (/dashboard, /health/live, /health/ready).")]
    public static partial void DashboardListening(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 6801, EventName = "DashboardKeyFailed", Level = LogLevel.Warning,
        Message = "The dashboard's {Operation} of a key failed.")]
    public static partial void DashboardKeyFailed(ILogger logger, Exception exception, string operation);
}
