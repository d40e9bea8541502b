using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Request expiry: EventIds 6560–6599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6560, EventName = "QueuedRequestExpired", Level = LogLevel.Debug,
        Message = "Dropped {Method} on grain {Grain}: its time-to-live ran out {LateMilliseconds:0.#} ms before its turn could start; answered with a Timeout rejection and never run.")]
    public static partial void QueuedRequestExpired(ILogger logger, string method, GrainId grain, double lateMilliseconds);
}
