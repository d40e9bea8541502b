using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends;

namespace Orleans.Caching;

/// <summary>
/// A cache that keeps one file per key in a directory (Flask-Caching's <c>FileSystemCache</c>).
/// </summary>
/// <remarks>
/// <para>Each file is named by the lower-case hex digest of the full key (<see cref="FileSystemCacheOptions.HashMethod"/>,
/// SHA-256 by default) and holds a header — the marker <c>"OCFS"</c>, a format version, the expiry as 8-byte Unix seconds
/// (0 = never) and the full key — followed by the value bytes. Writes go to a temporary file in the same directory, which is then renamed over the target, so a reader
/// sees the old or the new file, never half of one. An entry written at T with timeout t is still alive at exactly T + t
/// (Flask-Caching's <c>expires &gt;= now</c>; <see cref="SimpleCache"/> is dead at that instant).</para>
/// <para>When <see cref="FileSystemCacheOptions.Threshold"/> is above 0, the management file <c>__wz_cache_count</c> tracks the
/// number of entries; before each write, if it exceeds the threshold, expired (and unreadable) files are removed, then the
/// soonest to expire, until the count is at most the threshold. A missing or corrupt count file is rebuilt from the directory.</para>
/// <para>Differences from Flask-Caching: <c>add</c> treats an expired file as absent (Flask-Caching refuses to add while any
/// file exists); a corrupt, truncated or foreign file reads as a miss and is logged; <c>clear</c> on a prefixed cache removes
/// only the files of keys with its prefix, and never touches files whose names are not cache digests.</para>
/// <para>Operations are atomic within one process (all instances on one directory share a lock); several processes may share
/// a directory, but then the entry count is approximate.</para>
/// </remarks>
public sealed partial class FileSystemCache : CacheBackend
{
    /// <summary>The name of the management file that holds the entry count.</summary>
    internal const string CountFileName = "__wz_cache_count";

    /// <summary>The suffix of temporary files (Flask-Caching's transaction suffix).</summary>
    internal const string TempFileSuffix = ".__wz_cache";

    private static readonly ConcurrentDictionary<string, Lock> s_directoryLocks = new(StringComparer.Ordinal);

    private readonly Lock _lock;
    private readonly ILogger _logger;
    private readonly UnixFileMode _fileMode;

    /// <summary>Initializes a new instance of the <see cref="FileSystemCache"/> class.</summary>
    /// <param name="options">The options; <see cref="FileSystemCacheOptions.Directory"/> is required.</param>
    /// <param name="timeProvider">The clock for expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Receives warnings about unreadable files and an unusable directory.</param>
    /// <exception cref="ArgumentException">No directory is configured, the threshold is negative, or the hash method is unknown.</exception>
    public FileSystemCache(FileSystemCacheOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(options, timeProvider)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new ArgumentException("FileSystemCache needs a directory: set Caching:Dir (CACHE_DIR).", nameof(options));
        }

        if (options.Threshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold,
                $"Caching:Threshold (CACHE_THRESHOLD) must be 0 (unlimited) or more; got {options.Threshold}.");
        }

        try
        {
            HashMethod = CacheHashMethod.FromName(options.HashMethod);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The file hash method of FileSystemCache (CACHE_FILE_HASH_METHOD) is invalid: {ex.Message}", nameof(options), ex);
        }

        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory));
        Threshold = options.Threshold;
        _fileMode = options.FileMode;
        _logger = logger ?? NullLogger.Instance;
        _lock = s_directoryLocks.GetOrAdd(Directory, static _ => new Lock());
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.FileSystemCacheDirectoryUnavailable(_logger, ex, Directory);
        }
    }

    /// <summary>Gets the full path of the cache directory.</summary>
    public string Directory { get; }

    /// <summary>Gets the pruning threshold (0 = unlimited, no count file).</summary>
    public int Threshold { get; }

    /// <summary>Gets the hash that names the files.</summary>
    public CacheHashMethod HashMethod { get; }

    /// <inheritdoc/>
    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        EntryStatus status = ReadEntry(GetFilePath(keyBytes), keyBytes, readValueIfAlive: true, out _, out byte[]? value);
        return ValueTask.FromResult(status == EntryStatus.Alive ? value : null);
    }

    /// <inheritdoc/>
    /// <remarks>The expiry comes from the file header, in whole seconds; an entry that never expires reports none.</remarks>
    protected override ValueTask<CacheEntry?> GetEntryCoreAsync(string key, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        EntryStatus status = ReadEntry(GetFilePath(keyBytes), keyBytes, readValueIfAlive: true, out long expiry, out byte[]? value);
        if (status != EntryStatus.Alive || value is null)
        {
            return ValueTask.FromResult<CacheEntry?>(null);
        }

        // Expiries beyond the representable range (huge timeouts) never expire in practice.
        DateTimeOffset? expiresAt = expiry == 0 || expiry > DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? null : DateTimeOffset.FromUnixTimeSeconds(expiry);
        return ValueTask.FromResult<CacheEntry?>(new CacheEntry(value, expiresAt));
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        EntryStatus status = ReadEntry(GetFilePath(keyBytes), keyBytes, readValueIfAlive: false, out _, out _);
        return ValueTask.FromResult(status == EntryStatus.Alive);
    }

    /// <inheritdoc/>
    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        lock (_lock)
        {
            SetLocked(keyBytes, value.Span, timeout);
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    /// <remarks>An expired or unreadable file counts as absent (Flask-Caching refuses while any file exists).</remarks>
    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        lock (_lock)
        {
            if (ReadEntry(GetFilePath(keyBytes), keyBytes, readValueIfAlive: false, out _, out _) == EntryStatus.Alive)
            {
                return ValueTask.FromResult(false);
            }

            SetLocked(keyBytes, value.Span, timeout);
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    /// <remarks>Returns <see langword="true"/> also when the file was missing (as Flask-Caching does), <see langword="false"/> when it could not be removed.</remarks>
    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken)
    {
        string path = GetFilePath(Encoding.UTF8.GetBytes(key));
        lock (_lock)
        {
            if (!File.Exists(path))
            {
                return ValueTask.FromResult(true);
            }

            int count = Threshold > 0 ? ReadCount() : 0;
            if (!TryDeleteFile(path))
            {
                return ValueTask.FromResult(false);
            }

            if (Threshold > 0)
            {
                WriteCount(Math.Max(0, count - 1));
            }
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    /// <remarks>Without a key prefix, removes every cache file of the directory; with one, only the files of keys that start with it.
    /// The count becomes the number of files left. Returns <see langword="false"/> if some file could not be removed.</remarks>
    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(KeyPrefix);
        lock (_lock)
        {
            bool allRemoved = true;
            int remaining = 0;
            foreach (string path in ListEntryFiles())
            {
                if (prefix.Length > 0 && !KeyStartsWith(path, prefix))
                {
                    remaining++;
                }
                else if (!TryDeleteFile(path))
                {
                    remaining++;
                    allRemoved = false;
                }
            }

            if (Threshold > 0 && System.IO.Directory.Exists(Directory))
            {
                WriteCount(remaining);
            }

            return ValueTask.FromResult(allRemoved);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Atomic within the process; the counter is rewritten with the default timeout, as Flask-Caching does.</remarks>
    protected override ValueTask<long?> IncrementCoreAsync(string key, long delta, CancellationToken cancellationToken)
    {
        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        lock (_lock)
        {
            EntryStatus status = ReadEntry(GetFilePath(keyBytes), keyBytes, readValueIfAlive: true, out _, out byte[]? current);
            long next = checked(CacheCounter.Parse(key, status == EntryStatus.Alive ? current : null) + delta);
            SetLocked(keyBytes, CacheCounter.Format(next), DefaultTimeout);
            return ValueTask.FromResult<long?>(next);
        }
    }

    // Called under _lock.
    private void SetLocked(byte[] keyBytes, ReadOnlySpan<byte> value, CacheTimeout timeout)
    {
        EnsureDirectory();
        string path = GetFilePath(keyBytes);
        long expiry = ExpiryFor(timeout);
        if (Threshold == 0)
        {
            WriteEntry(path, keyBytes, value, expiry);
            return;
        }

        int before = ReadCount();
        int count = Prune(before);
        bool existed = File.Exists(path);
        WriteEntry(path, keyBytes, value, expiry);
        int after = existed ? count : count + 1;
        if (after != before)
        {
            WriteCount(after);
        }
    }

    private long ExpiryFor(CacheTimeout timeout)
    {
        if (timeout.IsNever)
        {
            return 0;
        }

        long now = TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        long expiry = timeout.Seconds > long.MaxValue - now ? long.MaxValue : now + timeout.Seconds;
        return expiry == 0 ? -1 : expiry;
    }

    private bool IsAlive(long expiry)
    {
        if (expiry == 0)
        {
            return true;
        }

        DateTimeOffset now = TimeProvider.GetUtcNow();
        long seconds = now.ToUnixTimeSeconds();
        return expiry > seconds || (expiry == seconds && now.UtcTicks % TimeSpan.TicksPerSecond == 0);
    }
}
