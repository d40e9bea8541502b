using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

/// <summary>Source-generated log messages of backend configuration. EventIds 1100–1199, never reused.</summary>
internal static partial class BackendConfigurationLog
{
    [LoggerMessage(EventId = 1100, EventName = "BackendCreated", Level = LogLevel.Debug,
        Message = "Built cache backend {BackendName} ({BackendType}) for {SectionPath}.")]
    public static partial void BackendCreated(ILogger logger, string backendName, string backendType, string sectionPath);

    [LoggerMessage(EventId = 1101, EventName = "CustomBackendResolved", Level = LogLevel.Information,
        Message = "{SectionPath}:Type names the custom cache backend '{TypeName}'.")]
    public static partial void CustomBackendResolved(ILogger logger, string sectionPath, string typeName);
}
