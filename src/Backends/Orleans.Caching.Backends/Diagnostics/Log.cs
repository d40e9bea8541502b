using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Backends;

/// <summary>
/// Source-generated log messages of the backends project. EventIds start at 1000 (the client uses 1–999) and are never
/// reused: FileSystem 1000–1099.
/// </summary>
/// <remarks>The class lives in its own namespace so it does not clash with the client's <c>Orleans.Caching.Log</c>, which
/// sees this assembly's internals.</remarks>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "FileSystemCacheUnreadableEntry", Level = LogLevel.Warning,
        Message = "The cache file '{Path}' is not a readable cache entry ({Reason}); it reads as a miss.")]
    public static partial void FileSystemCacheUnreadableEntry(ILogger logger, Exception? exception, string path, string reason);

    [LoggerMessage(EventId = 1001, EventName = "FileSystemCacheDirectoryUnavailable", Level = LogLevel.Warning,
        Message = "The cache directory '{Directory}' could not be created; reads miss and writes fail until it can be.")]
    public static partial void FileSystemCacheDirectoryUnavailable(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 1002, EventName = "FileSystemCacheCountRebuilt", Level = LogLevel.Warning,
        Message = "The entry count file in '{Directory}' was unreadable; recounted {Count} entries from the directory.")]
    public static partial void FileSystemCacheCountRebuilt(ILogger logger, string directory, int count);

    [LoggerMessage(EventId = 1003, EventName = "FileSystemCacheDeleteFailed", Level = LogLevel.Warning,
        Message = "The cache file '{Path}' could not be deleted.")]
    public static partial void FileSystemCacheDeleteFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 1004, EventName = "FileSystemCachePruned", Level = LogLevel.Debug,
        Message = "Pruned {Removed} entries from '{Directory}' to stay within the threshold of {Threshold}.")]
    public static partial void FileSystemCachePruned(ILogger logger, int removed, string directory, int threshold);

    [LoggerMessage(EventId = 1005, EventName = "FileSystemCacheCountWriteFailed", Level = LogLevel.Warning,
        Message = "The entry count file in '{Directory}' could not be written; it will be recounted from the directory.")]
    public static partial void FileSystemCacheCountWriteFailed(ILogger logger, Exception exception, string directory);
}
