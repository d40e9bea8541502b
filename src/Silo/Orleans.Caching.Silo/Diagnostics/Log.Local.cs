using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Log messages of the embedded silo of <c>Caching:Type = Local</c> (EventIds 2500–2599).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2500, EventName = "LocalSiloStarted", Level = LogLevel.Information,
        Message = "The local silo configured by {SectionPath} started: storage {Storage}, persistence {Persistence}.")]
    public static partial void LocalSiloStarted(ILogger logger, string sectionPath, string storage, PersistenceMode persistence);
}
