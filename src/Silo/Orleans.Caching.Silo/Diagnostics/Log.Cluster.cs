using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Cluster silo and routing events (6400–6599).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6400, EventName = "ClusterSiloJoining", Level = LogLevel.Information, Message = "Silo {Silo} is joining cluster '{ClusterId}'.")]
    public static partial void ClusterSiloJoining(ILogger logger, SiloAddress silo, string clusterId);

    [LoggerMessage(EventId = 6401, EventName = "ClusterSiloActive", Level = LogLevel.Information, Message = "Silo {Silo} is Active at membership version {Version} ({ActiveCount} active silos).")]
    public static partial void ClusterSiloActive(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(EventId = 6402, EventName = "ClusterSiloStopping", Level = LogLevel.Information, Message = "Silo {Silo} is shutting down gracefully with {ActivationCount} activations.")]
    public static partial void ClusterSiloStopping(ILogger logger, SiloAddress silo, int activationCount);

    [LoggerMessage(EventId = 6403, EventName = "ClusterSiloStopped", Level = LogLevel.Information, Message = "Silo {Silo} has left the cluster.")]
    public static partial void ClusterSiloStopped(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 6404, EventName = "ClusterSiloStopStepFailed", Level = LogLevel.Warning, Message = "A step of the silo's stop or view change ({Step}) failed; continuing.")]
    public static partial void ClusterSiloStopStepFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(EventId = 6405, EventName = "ClusterSiloDeclaredDead", Level = LogLevel.Error, Message = "Silo {Silo} was declared dead by its peers; stopping the host.")]
    public static partial void ClusterSiloDeclaredDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 6406, EventName = "ViewChanged", Level = LogLevel.Information, Message = "Silo {Silo} adopted membership version {Version} ({ActiveCount} active silos).")]
    public static partial void ViewChanged(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(EventId = 6407, EventName = "ProbeFailed", Level = LogLevel.Debug, Message = "Probe of silo {Silo} failed: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, SiloAddress silo, string reason);

    [LoggerMessage(EventId = 6408, EventName = "GossipSendFailed", Level = LogLevel.Debug, Message = "Gossip to silo {Silo} failed: {Reason}")]
    public static partial void GossipSendFailed(ILogger logger, SiloAddress silo, string reason);

    [LoggerMessage(EventId = 6409, EventName = "ConnectionClosed", Level = LogLevel.Information, Message = "The connection from {Peer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string peer, string reason);
}
