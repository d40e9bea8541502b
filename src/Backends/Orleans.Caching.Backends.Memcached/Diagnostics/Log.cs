using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Backends.Memcached;

/// <summary>Source-generated log messages of the memcached backends. EventIds 5000–5999, never reused. Passwords never appear.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, EventName = "MemcachedServerDown", Level = LogLevel.Warning,
        Message = "Memcached server {Server} failed ({Reason}); its keys read as misses and writes to them fail until it is tried again in {RetryInterval}.")]
    public static partial void ServerDown(ILogger logger, Exception exception, string server, string reason, TimeSpan retryInterval);

    [LoggerMessage(EventId = 5001, EventName = "MemcachedServerRecovered", Level = LogLevel.Information,
        Message = "Memcached server {Server} answers again.")]
    public static partial void ServerRecovered(ILogger logger, string server);

    [LoggerMessage(EventId = 5002, EventName = "MemcachedReadMissOnUnavailableServer", Level = LogLevel.Debug,
        Message = "Read of key '{Key}' is a miss: memcached server {Server} is unavailable.")]
    public static partial void ReadMissOnUnavailableServer(ILogger logger, string key, string server);

    [LoggerMessage(EventId = 5003, EventName = "MemcachedProtocolError", Level = LogLevel.Warning,
        Message = "Memcached server {Server} sent a reply the client could not use; the connection was closed.")]
    public static partial void ProtocolError(ILogger logger, Exception exception, string server);

    [LoggerMessage(EventId = 5004, EventName = "MemcachedSpreadValueUnreadable", Level = LogLevel.Warning,
        Message = "The spread value at key '{Key}' is incomplete or inconsistent ({Reason}); it reads as a miss.")]
    public static partial void SpreadValueUnreadable(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 5005, EventName = "MemcachedFlushFailed", Level = LogLevel.Warning,
        Message = "Memcached server {Server} could not be flushed by clear().")]
    public static partial void FlushFailed(ILogger logger, Exception exception, string server);

    [LoggerMessage(EventId = 5006, EventName = "MemcachedBatchReadMissOnUnavailableServer", Level = LogLevel.Debug,
        Message = "{Count} keys of a multi-key read are misses: memcached server {Server} is unavailable.")]
    public static partial void BatchReadMissOnUnavailableServer(ILogger logger, int count, string server);
}
