using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>The <c>Cluster</c> backend's log messages: EventIds 6700–6799 (the cluster client's range).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6700, EventName = "ClusterCacheClientStarted", Level = LogLevel.Information,
        Message = "The cluster client of {SectionPath} started from {GatewayCount} gateways; {ActiveCount} silos are active.")]
    public static partial void ClusterClientStarted(ILogger logger, string sectionPath, int gatewayCount, int activeCount);
}
