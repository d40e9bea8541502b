using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Log messages of cluster membership and failure detection (EventIds 6200–6399).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6200, EventName = "MembershipJoining", Level = LogLevel.Information,
        Message = "Silo {Silo} is joining the cluster (table version {Version}); it checks that it can reach the {ActiveCount} active silos.")]
    public static partial void MembershipJoining(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(EventId = 6201, EventName = "MembershipJoined", Level = LogLevel.Information,
        Message = "Silo {Silo} is Active (table version {Version}, {ActiveCount} active silos).")]
    public static partial void MembershipJoined(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(EventId = 6202, EventName = "JoinProbeMissed", Level = LogLevel.Warning,
        Message = "Joining silo {Silo} cannot reach active silo {Target} yet; it retries until Caching:Silo:Membership:JoinTimeout ({JoinTimeoutSeconds} s) unless {Target} is declared dead.")]
    public static partial void JoinProbeMissed(ILogger logger, SiloAddress silo, SiloAddress target, double joinTimeoutSeconds);

    [LoggerMessage(EventId = 6203, EventName = "JoinFailed", Level = LogLevel.Error,
        Message = "Silo {Silo} could not join the cluster; it marks its row Dead.")]
    public static partial void JoinFailed(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 6204, EventName = "OldGenerationDeclaredDead", Level = LogLevel.Information,
        Message = "Silo {Silo} declares {OldSilo} dead: an older generation on the same endpoint (the process restarted).")]
    public static partial void OldGenerationDeclaredDead(ILogger logger, SiloAddress silo, SiloAddress oldSilo);

    [LoggerMessage(EventId = 6205, EventName = "MembershipWriteConflict", Level = LogLevel.Debug,
        Message = "Silo {Silo}: the membership table moved past version {Version} during a write (attempt {Attempt}); re-reading.")]
    public static partial void MembershipWriteConflict(ILogger logger, SiloAddress silo, long version, int attempt);

    [LoggerMessage(EventId = 6206, EventName = "ViewChangedHandlerFailed", Level = LogLevel.Error,
        Message = "A ViewChanged handler failed for membership version {Version}; the other handlers still run.")]
    public static partial void ViewChangedHandlerFailed(ILogger logger, Exception exception, long version);

    [LoggerMessage(EventId = 6207, EventName = "MembershipViewAdopted", Level = LogLevel.Debug,
        Message = "Silo {Silo} adopts membership version {Version} ({ActiveCount} active silos).")]
    public static partial void MembershipViewAdopted(ILogger logger, SiloAddress silo, long version, int activeCount);

    [LoggerMessage(EventId = 6208, EventName = "IAmAliveFailed", Level = LogLevel.Warning,
        Message = "Silo {Silo} could not write its IAmAlive time; it retries next period.")]
    public static partial void IAmAliveFailed(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 6209, EventName = "MembershipRefreshFailed", Level = LogLevel.Warning,
        Message = "Silo {Silo} could not read the membership table; it retries next period.")]
    public static partial void MembershipRefreshFailed(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 6210, EventName = "SiloIsDead", Level = LogLevel.Warning,
        Message = "Silo {Silo} was declared Dead by its peers in membership version {Version}; it stops.")]
    public static partial void SiloIsDead(ILogger logger, SiloAddress silo, long version);

    [LoggerMessage(EventId = 6211, EventName = "ProbeMissed", Level = LogLevel.Information,
        Message = "Silo {Silo} missed a probe of {Target} ({Misses} in a row; it votes at {Limit}).")]
    public static partial void ProbeMissed(ILogger logger, SiloAddress silo, SiloAddress target, int misses, int limit);

    [LoggerMessage(EventId = 6212, EventName = "SuspicionVoted", Level = LogLevel.Warning,
        Message = "Silo {Silo} votes that {Target} is dead ({Votes} of {Required} fresh votes needed).")]
    public static partial void SuspicionVoted(ILogger logger, SiloAddress silo, SiloAddress target, int votes, int required);

    [LoggerMessage(EventId = 6213, EventName = "SiloDeclaredDead", Level = LogLevel.Warning,
        Message = "Silo {Silo} declares {Target} dead ({Votes} fresh votes).")]
    public static partial void SiloDeclaredDead(ILogger logger, SiloAddress silo, SiloAddress target, int votes);

    [LoggerMessage(EventId = 6214, EventName = "FailureDetectionFailed", Level = LogLevel.Warning,
        Message = "Silo {Silo}: a failure-detection round failed; it runs again next period.")]
    public static partial void FailureDetectionFailed(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(EventId = 6215, EventName = "MembershipShuttingDown", Level = LogLevel.Information,
        Message = "Silo {Silo} is ShuttingDown (table version {Version}).")]
    public static partial void MembershipShuttingDown(ILogger logger, SiloAddress silo, long version);

    [LoggerMessage(EventId = 6216, EventName = "MembershipLeft", Level = LogLevel.Information,
        Message = "Silo {Silo} left the cluster.")]
    public static partial void MembershipLeft(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 6217, EventName = "DefunctSilosDeleted", Level = LogLevel.Information,
        Message = "Silo {Silo} deleted {Count} Dead rows older than Caching:Silo:Membership:DefunctSiloExpiration.")]
    public static partial void DefunctSilosDeleted(ILogger logger, SiloAddress silo, int count);

    [LoggerMessage(EventId = 6218, EventName = "GossipFailed", Level = LogLevel.Debug,
        Message = "Silo {Silo} could not gossip membership version {Version} to {Target}.")]
    public static partial void GossipFailed(ILogger logger, Exception exception, SiloAddress silo, long version, SiloAddress target);

    [LoggerMessage(EventId = 6219, EventName = "GossipConfirmationFailed", Level = LogLevel.Warning,
        Message = "Silo {Silo} received gossip saying it is dead or absent, and could not read the table to confirm; it retries on its next refresh.")]
    public static partial void GossipConfirmationFailed(ILogger logger, Exception exception, SiloAddress silo);
}
