using Orleans.Caching.Backends;

namespace Orleans.Caching;

/// <content>Reading, writing, listing and deleting the entry files.</content>
public sealed partial class FileSystemCache
{
    private const int MinDigestHexLength = 32;

    private enum EntryStatus
    {
        Missing,
        Unreadable,
        Expired,
        Alive,
    }

    private string GetFilePath(byte[] keyBytes) => Path.Combine(Directory, HashMethod.ComputeHexDigest(keyBytes));

    /// <summary>Tells whether a file name is an entry's (a lower-case hex digest); the count file and temporary files are not.</summary>
    internal static bool IsEntryFileName(ReadOnlySpan<char> name)
    {
        if (name.Length < MinDigestHexLength || name.Length % 2 != 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    // Reads an entry written for exactly keyBytes; logs (once) and reports Unreadable for any file that is not one.
    private EntryStatus ReadEntry(string path, ReadOnlySpan<byte> keyBytes, bool readValueIfAlive, out long expiry, out byte[]? value)
    {
        expiry = 0;
        value = null;
        try
        {
            using FileStream stream = OpenRead(path);
            string? problem = ReadHeader(stream, out expiry, out byte[] storedKey);
            if (problem is null && !keyBytes.SequenceEqual(storedKey))
            {
                problem = "the file belongs to another key";
            }

            if (problem is not null)
            {
                Log.FileSystemCacheUnreadableEntry(_logger, null, path, problem);
                return EntryStatus.Unreadable;
            }

            if (!IsAlive(expiry))
            {
                return EntryStatus.Expired;
            }

            if (readValueIfAlive)
            {
                value = new byte[stream.Length - stream.Position];
                stream.ReadExactly(value);
            }

            return EntryStatus.Alive;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return EntryStatus.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.FileSystemCacheUnreadableEntry(_logger, ex, path, ex.GetType().Name);
            return EntryStatus.Unreadable;
        }
    }

    private static FileStream OpenRead(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    // Returns null and the header's fields when the stream starts with a valid header; otherwise the reason it does not.
    private static string? ReadHeader(FileStream stream, out long expiry, out byte[] key)
    {
        key = [];
        Span<byte> header = stackalloc byte[FileSystemEntryFormat.FixedHeaderLength];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        string? problem = FileSystemEntryFormat.TryDecodeFixedHeader(header[..read], stream.Length, out expiry, out int keyLength);
        if (problem is null)
        {
            key = new byte[keyLength];
            stream.ReadExactly(key);
        }

        return problem;
    }

    // Reads only the header; an unreadable file reports expiry -1 (treated as expired by pruning).
    private static long ReadExpiryForPruning(string path)
    {
        try
        {
            using FileStream stream = OpenRead(path);
            return ReadHeader(stream, out long expiry, out _) is null ? expiry : -1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static bool KeyStartsWith(string path, ReadOnlySpan<byte> prefix)
    {
        try
        {
            using FileStream stream = OpenRead(path);
            return ReadHeader(stream, out _, out byte[] key) is null && key.AsSpan().StartsWith(prefix);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void WriteEntry(string path, byte[] keyBytes, ReadOnlySpan<byte> value, long expiry)
    {
        byte[] header = FileSystemEntryFormat.EncodeHeader(expiry, keyBytes);
        WriteAtomically(path, header, value);
    }

    // Writes a temporary file in the cache directory, sets its mode, and renames it over the target.
    private void WriteAtomically(string path, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        string temp = Path.Combine(Directory, $"tmp{Guid.NewGuid():N}{TempFileSuffix}");
        try
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                streamOptions.UnixCreateMode = _fileMode;
            }

            using (var stream = new FileStream(temp, streamOptions))
            {
                stream.Write(first);
                stream.Write(second);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, _fileMode);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDeleteQuietly(temp);
            throw new CacheException($"FileSystemCache could not write to its directory '{Directory}': {ex.Message}", ex);
        }
    }

    private void EnsureDirectory()
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CacheException($"FileSystemCache could not create its directory '{Directory}': {ex.Message}", ex);
        }
    }

    private List<string> ListEntryFiles()
    {
        var files = new List<string>();
        try
        {
            foreach (string path in System.IO.Directory.EnumerateFiles(Directory))
            {
                if (IsEntryFileName(Path.GetFileName(path.AsSpan())))
                {
                    files.Add(path);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A missing or unusable directory holds no entries.
        }

        return files;
    }

    private bool TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.FileSystemCacheDeleteFailed(_logger, ex, path);
            return false;
        }
    }

    private static void TryDeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is never read as an entry.
        }
    }
}
