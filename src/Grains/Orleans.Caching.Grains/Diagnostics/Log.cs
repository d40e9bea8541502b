using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>Source-generated log messages of the grains project. EventIds 3000–3999, never reused: storage 3000–3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "GrainStorageETagConflict", Level = LogLevel.Warning,
        Message = "Storage of grain {GrainId} holds ETag '{StoredETag}', the activation expected '{ExpectedETag}': the {Operation} was refused.")]
    public static partial void GrainStorageETagConflict(ILogger logger, GrainId grainId, string? expectedETag, string? storedETag, string operation);

    [LoggerMessage(EventId = 3001, EventName = "WriteBehindFlushFailed", Level = LogLevel.Warning,
        Message = "Write-behind could not flush {Failed} of {Attempted} pending writes (attempt {Attempt} of the first); they stay pending and are retried in {RetryDelay}.")]
    public static partial void WriteBehindFlushFailed(ILogger logger, Exception exception, int failed, int attempted, int attempt, TimeSpan retryDelay);

    [LoggerMessage(EventId = 3002, EventName = "WriteBehindFlushConflict", Level = LogLevel.Warning,
        Message = "Write-behind found another version of grain {GrainId} in storage (ETag '{StoredETag}'); the pending write overwrites it (last writer wins).")]
    public static partial void WriteBehindFlushConflict(ILogger logger, GrainId grainId, string? storedETag);

    [LoggerMessage(EventId = 3003, EventName = "WriteBehindFlushLoopFailed", Level = LogLevel.Error,
        Message = "The write-behind flush loop failed; pending writes stay pending and the next interval retries them.")]
    public static partial void WriteBehindFlushLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "WriteBehindFinalFlushFailed", Level = LogLevel.Error,
        Message = "Write-behind could not flush {Count} pending writes while stopping; they are lost.")]
    public static partial void WriteBehindFinalFlushFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 3005, EventName = "WriteBehindFlushed", Level = LogLevel.Debug,
        Message = "Write-behind flushed {Count} writes; {Pending} pending.")]
    public static partial void WriteBehindFlushed(ILogger logger, int count, int pending);
}
