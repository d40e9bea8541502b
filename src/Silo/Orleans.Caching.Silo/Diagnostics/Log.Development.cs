using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Development (<c>Static</c>) membership: EventIds 6250–6299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6250, EventName = "DevelopmentPrimary", Level = LogLevel.Information,
        Message = "Silo {Silo} is the membership primary (Caching:Silo:Membership:Seeds:0 = {Seed}): it holds the table in memory and serves it to the other silos; membership changes stop if it stops.")]
    public static partial void DevelopmentPrimary(ILogger logger, SiloAddress silo, string seed);

    [LoggerMessage(EventId = 6251, EventName = "DevelopmentSecondary", Level = LogLevel.Information,
        Message = "Silo {Silo} uses the membership table of the primary {Seed} ({Endpoints}).")]
    public static partial void DevelopmentSecondary(ILogger logger, SiloAddress silo, string seed, string endpoints);

    [LoggerMessage(EventId = 6252, EventName = "DevelopmentPrimaryUnreachable", Level = LogLevel.Warning,
        Message = "The membership primary {Seed} did not answer (attempt {Attempt}); retrying until Caching:Silo:Membership:JoinTimeout: {Reason}")]
    public static partial void DevelopmentPrimaryUnreachable(ILogger logger, string seed, int attempt, string reason);

    [LoggerMessage(EventId = 6253, EventName = "DevelopmentPrimaryReached", Level = LogLevel.Information,
        Message = "Reached the membership primary {Seed} (table version {Version}).")]
    public static partial void DevelopmentPrimaryReached(ILogger logger, string seed, long version);

    [LoggerMessage(EventId = 6254, EventName = "DevelopmentPrimaryUnresolved", Level = LogLevel.Warning,
        Message = "The membership primary {Seed} does not resolve yet; retrying until Caching:Silo:Membership:JoinTimeout: {Reason}")]
    public static partial void DevelopmentPrimaryUnresolved(ILogger logger, string seed, string reason);
}
