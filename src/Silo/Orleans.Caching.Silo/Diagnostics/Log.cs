using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Source-generated log messages of the silo runtime. EventIds 2000–2999, never reused.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "ActivationFailed", Level = LogLevel.Warning,
        Message = "Activation of grain {GrainId} failed; {QueuedCount} queued requests are rejected and the next call retries.")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId, int queuedCount);

    [LoggerMessage(EventId = 2001, EventName = "DeactivationFailed", Level = LogLevel.Warning,
        Message = "OnDeactivateAsync of grain {GrainId} (reason {Reason}) failed; the activation is removed anyway.")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(EventId = 2002, EventName = "SlowTurn", Level = LogLevel.Warning,
        Message = "The turn {MethodName} of grain {GrainId} took {ElapsedMilliseconds} ms; the activation served nothing else meanwhile.")]
    public static partial void SlowTurn(ILogger logger, string methodName, GrainId grainId, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2003, EventName = "StuckDeactivation", Level = LogLevel.Warning,
        Message = "OnDeactivateAsync of grain {GrainId} (reason {Reason}) did not finish within {TimeoutSeconds} s; the activation is abandoned and removed.")]
    public static partial void StuckDeactivation(ILogger logger, GrainId grainId, DeactivationReason reason, double timeoutSeconds);

    [LoggerMessage(EventId = 2004, EventName = "IdleActivationsCollected", Level = LogLevel.Debug,
        Message = "The collector deactivates {Count} idle activations.")]
    public static partial void IdleActivationsCollected(ILogger logger, int count);

    [LoggerMessage(EventId = 2005, EventName = "MemoryPressureEviction", Level = LogLevel.Information,
        Message = "Estimated activation memory {EstimatedBytes} bytes exceeds the budget of {MaxBytes} bytes (Caching:Silo:MaxMemoryBytes); deactivating {Count} least recently used idle activations.")]
    public static partial void MemoryPressureEviction(ILogger logger, long estimatedBytes, long maxBytes, int count);

    [LoggerMessage(EventId = 2006, EventName = "CollectorFailed", Level = LogLevel.Error,
        Message = "The activation collector failed; it runs again on its next tick.")]
    public static partial void CollectorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2007, EventName = "InconsistentStateDeactivation", Level = LogLevel.Information,
        Message = "Grain {GrainId} hit an inconsistent storage state in {MethodName}; the activation is deactivated so the next call reloads state.")]
    public static partial void InconsistentStateDeactivation(ILogger logger, GrainId grainId, string methodName);

    [LoggerMessage(EventId = 2010, EventName = "SiloStarted", Level = LogLevel.Information,
        Message = "The local silo started (collection age {CollectionAge}, memory budget {MaxMemoryBytes} bytes).")]
    public static partial void SiloStarted(ILogger logger, TimeSpan collectionAge, long maxMemoryBytes);

    [LoggerMessage(EventId = 2011, EventName = "SiloStopping", Level = LogLevel.Information,
        Message = "The local silo is stopping: new calls are rejected and {Count} activations are deactivated.")]
    public static partial void SiloStopping(ILogger logger, int count);

    [LoggerMessage(EventId = 2012, EventName = "SiloStopped", Level = LogLevel.Information,
        Message = "The local silo stopped.")]
    public static partial void SiloStopped(ILogger logger);
}
