using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>Source-generated log messages of the runtime; the cluster client uses EventIds 6600–6799.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6600, EventName = "ClusterClientStarted", Level = LogLevel.Information,
        Message = "The cluster client started with membership version {Version} ({ActiveCount} active silos).")]
    public static partial void ClientStarted(ILogger logger, long version, int activeCount);

    [LoggerMessage(EventId = 6601, EventName = "ClusterViewAdopted", Level = LogLevel.Debug,
        Message = "The cluster client adopted membership version {Version} ({ActiveCount} active silos) from {Source}.")]
    public static partial void ViewAdopted(ILogger logger, long version, int activeCount, string source);

    [LoggerMessage(EventId = 6602, EventName = "ClusterViewChangedHandlerFailed", Level = LogLevel.Warning,
        Message = "A ViewChanged handler failed for membership version {Version}.")]
    public static partial void ViewChangedHandlerFailed(ILogger logger, Exception exception, long version);

    [LoggerMessage(EventId = 6603, EventName = "ClusterRefreshFailed", Level = LogLevel.Warning,
        Message = "Refreshing the cluster client's membership view failed; the next refresh retries.")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6604, EventName = "ClusterGatewaysUnreachable", Level = LogLevel.Warning,
        Message = "{Message}")]
    public static partial void GatewaysUnreachable(ILogger logger, Exception? exception, string message);

    [LoggerMessage(EventId = 6605, EventName = "ClusterSiloSuspected", Level = LogLevel.Information,
        Message = "The cluster client could not reach silo {Silo}; it is asked last until the next refresh.")]
    public static partial void SiloSuspected(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 6606, EventName = "ClusterSiloConnected", Level = LogLevel.Debug,
        Message = "The cluster client connected to silo {Silo}.")]
    public static partial void Connected(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 6607, EventName = "ClusterSiloDisconnected", Level = LogLevel.Debug,
        Message = "The cluster client's connection to silo {Silo} closed.")]
    public static partial void Disconnected(ILogger logger, Exception? exception, SiloAddress silo);

    [LoggerMessage(EventId = 6608, EventName = "ClusterCallRedirected", Level = LogLevel.Debug,
        Message = "The call {MethodName} to {GrainId} was not run by silo {Silo} ({Reason}, its membership version {PeerVersion}); the client refreshes its view and retries.")]
    public static partial void CallRedirected(ILogger logger, GrainId grainId, string methodName, SiloAddress silo, RejectionReason reason, long peerVersion);

    [LoggerMessage(EventId = 6609, EventName = "ClusterRetriesExhausted", Level = LogLevel.Warning,
        Message = "The call {MethodName} to {GrainId} could not be delivered after {Attempts} attempts within Caching:Cluster:RetryDeadline.")]
    public static partial void RetriesExhausted(ILogger logger, Exception? exception, GrainId grainId, string methodName, int attempts);
}
