namespace Orleans.Caching.Runtime;

/// <summary>
/// A membership table in one JSON file, for several silo processes on one machine (or on a shared volume with working
/// advisory locks). Every mutation takes an exclusive OS lock on <c>{path}.lock</c> (opened with
/// <see cref="FileShare.None"/>, retried with back-off until <see cref="FileMembershipTableOptions.LockTimeout"/>), reads
/// the table, checks the version, and replaces the file atomically (temporary file + rename). Reads take no lock: a rename
/// is atomic, so a reader sees either the old or the new table, never a torn one.
/// </summary>
/// <remarks>
/// The lock is a separate file that is never replaced: locking the data file itself would let a process that opened the
/// old file just before a rename acquire its lock afterwards and write on a stale copy. <see cref="DeleteAsync"/> removes
/// the data file and leaves the (empty) lock file.
/// </remarks>
public sealed class FileMembershipTable : IMembershipTable
{
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly string _path;
    private readonly string _lockPath;
    private readonly TimeSpan _lockTimeout;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="FileMembershipTable"/> class.</summary>
    /// <param name="options">The file and lock options.</param>
    /// <param name="timeProvider">The clock used for lock waits.</param>
    public FileMembershipTable(FileMembershipTableOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, "options.Path");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockTimeout, TimeSpan.Zero, "options.LockTimeout");
        _path = System.IO.Path.GetFullPath(options.Path);
        _lockPath = _path + ".lock";
        _lockTimeout = options.LockTimeout;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the full path of the table's JSON file.</summary>
    public string Path => _path;

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        string? directory = System.IO.Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using FileStream tableLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(_path))
        {
            await WriteAsync(MembershipTableSnapshot.Empty, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using FileStream tableLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        MembershipTableSnapshot current = await ReadAsync(cancellationToken).ConfigureAwait(false);
        MembershipTableSnapshot? next = MembershipTableEdits.TryWrite(current, entry, expectedVersion);
        if (next is null)
        {
            return false;
        }

        await WriteAsync(next, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        using FileStream tableLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        MembershipTableSnapshot current = await ReadAsync(cancellationToken).ConfigureAwait(false);
        MembershipTableSnapshot? next = MembershipTableEdits.WithIAmAlive(current, silo, time);
        if (next is not null)
        {
            await WriteAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        using FileStream tableLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        MembershipTableSnapshot current = await ReadAsync(cancellationToken).ConfigureAwait(false);
        (MembershipTableSnapshot next, int deleted) = MembershipTableEdits.WithoutDefunct(current, before);
        if (deleted > 0)
        {
            await WriteAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_lockPath) && !File.Exists(_path))
        {
            return;
        }

        using FileStream tableLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        File.Delete(_path);
    }

    private async Task<MembershipTableSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                content = new byte[stream.Length];
                await stream.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FileNotFoundException)
        {
            return MembershipTableSnapshot.Empty;
        }
        catch (DirectoryNotFoundException)
        {
            return MembershipTableSnapshot.Empty;
        }

        return MembershipTableJson.Parse(content, _path);
    }

    private async Task WriteAsync(MembershipTableSnapshot table, CancellationToken cancellationToken)
    {
        byte[] content = MembershipTableJson.Format(table);
        string temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        long start = _timeProvider.GetTimestamp();
        TimeSpan delay = s_firstRetryDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_lockPath)!);
            }
            catch (IOException) when (_timeProvider.GetElapsedTime(start) < _lockTimeout)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < s_maxRetryDelay ? delay * 2 : s_maxRetryDelay;
            }
            catch (IOException exception)
            {
                throw new TimeoutException($"Could not lock the membership table '{_lockPath}' within {_lockTimeout.TotalSeconds:0.###} s; another process holds it.", exception);
            }
        }
    }
}
