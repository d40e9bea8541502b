using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Backends.Redis;

/// <summary>Source-generated log messages of the Redis backends. EventIds 4000–4999, never reused; no message carries a password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "RedisConnecting", Level = LogLevel.Debug,
        Message = "Connecting to Redis {Target}.")]
    public static partial void Connecting(ILogger logger, string target);

    [LoggerMessage(EventId = 4001, EventName = "RedisCommandFailed", Level = LogLevel.Warning,
        Message = "Redis {Target} could not run {Command}: {Reason}")]
    public static partial void CommandFailed(ILogger logger, string target, string command, string reason);

    [LoggerMessage(EventId = 4002, EventName = "RedisSentinelMasterChanged", Level = LogLevel.Information,
        Message = "The sentinels report {Master} as the master of '{MasterName}' (was {Previous}).")]
    public static partial void SentinelMasterChanged(ILogger logger, string masterName, string master, string previous);

    [LoggerMessage(EventId = 4003, EventName = "RedisSentinelUnreachable", Level = LogLevel.Warning,
        Message = "Sentinel {Sentinel} could not name the master of '{MasterName}': {Reason}")]
    public static partial void SentinelUnreachable(ILogger logger, string sentinel, string masterName, string reason);

    [LoggerMessage(EventId = 4004, EventName = "RedisMembershipConflict", Level = LogLevel.Debug,
        Message = "The Redis membership table {Key} changed during {Operation}; retrying.")]
    public static partial void MembershipConflict(ILogger logger, string key, string operation);
}
