using System.Globalization;
using System.Text;
using Orleans.Caching.Backends;

namespace Orleans.Caching;

/// <content>The entry count file and pruning (kept only when the threshold is above 0).</content>
public sealed partial class FileSystemCache
{
    private string CountFilePath => Path.Combine(Directory, CountFileName);

    // Called under _lock. Reads the count file; rebuilds it from the directory if it is missing or corrupt.
    private int ReadCount()
    {
        try
        {
            string text = File.ReadAllText(CountFilePath, Encoding.ASCII);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                return count;
            }

            count = ListEntryFiles().Count;
            Log.FileSystemCacheCountRebuilt(_logger, Directory, count);
            WriteCount(count);
            return count;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            int count = ListEntryFiles().Count;
            if (count > 0)
            {
                WriteCount(count);
            }

            return count;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            int count = ListEntryFiles().Count;
            Log.FileSystemCacheCountRebuilt(_logger, Directory, count);
            return count;
        }
    }

    // Called under _lock. A failure leaves no count file, so the next read recounts.
    private void WriteCount(int count)
    {
        try
        {
            WriteAtomically(CountFilePath, Encoding.ASCII.GetBytes(count.ToString(CultureInfo.InvariantCulture)), default);
        }
        catch (CacheException ex)
        {
            Log.FileSystemCacheCountWriteFailed(_logger, ex, Directory);
            TryDeleteQuietly(CountFilePath);
        }
    }

    // Called under _lock. If count > threshold: removes expired and unreadable files, then the soonest to expire,
    // until at most the threshold remain (as SimpleCache does). Returns the new count.
    private int Prune(int count)
    {
        if (count <= Threshold)
        {
            return count;
        }

        List<string> files = ListEntryFiles();
        var live = new List<(string Path, long Expiry)>(files.Count);
        int remaining = files.Count;
        foreach (string path in files)
        {
            long expiry = ReadExpiryForPruning(path);
            if (expiry != 0 && !IsAlive(expiry))
            {
                if (TryDeleteFile(path))
                {
                    remaining--;
                }
            }
            else
            {
                live.Add((path, expiry == 0 ? long.MaxValue : expiry));
            }
        }

        if (remaining > Threshold)
        {
            live.Sort(static (a, b) => a.Expiry.CompareTo(b.Expiry));
            foreach ((string path, _) in live)
            {
                if (remaining <= Threshold)
                {
                    break;
                }

                if (TryDeleteFile(path))
                {
                    remaining--;
                }
            }
        }

        Log.FileSystemCachePruned(_logger, files.Count - remaining, Directory, Threshold);
        return remaining;
    }
}
