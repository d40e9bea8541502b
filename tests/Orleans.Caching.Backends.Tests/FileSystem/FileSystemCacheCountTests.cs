using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Tests.FileSystem;

public sealed class FileSystemCacheCountTests : IDisposable
{
    private static CancellationToken None => CancellationToken.None;
    private readonly FakeTimeProvider _clock = new();
    private readonly TempDirectory _directory = new();
    private readonly ListLogger _logger = new();

    public void Dispose() => _directory.Dispose();

    private string CountFile => Path.Combine(_directory.Path, FileSystemCache.CountFileName);

    private FileSystemCache Create(int threshold = 500) => new(new FileSystemCacheOptions { Directory = _directory.Path, Threshold = threshold }, _clock, _logger);

    private int StoredCount() => int.Parse(File.ReadAllText(CountFile));

    private int EntryFiles() => Directory.GetFiles(_directory.Path).Count(p => FileSystemCache.IsEntryFileName(Path.GetFileName(p)));

    [Fact]
    public async Task Pruning_keeps_the_count_within_one_of_the_threshold_after_twice_the_threshold_sets()
    {
        const int threshold = 13;
        FileSystemCache cache = Create(threshold);
        for (int i = 0; i < 2 * threshold; i++)
        {
            Assert.True(await cache.SetAsync(i.ToString(), "v"u8.ToArray(), null, None));
        }

        // As SimpleCache (Flask's test_purge): pruning runs before the insert, so the cache holds threshold + 1 at most.
        Assert.Equal(threshold + 1, StoredCount());
        Assert.Equal(threshold + 1, EntryFiles());
        Assert.True(await cache.HasAsync((2 * threshold - 1).ToString(), None));
    }

    [Fact]
    public async Task Threshold_2_holds_3_entries_after_4_sets_like_SimpleCache()
    {
        FileSystemCache cache = Create(threshold: 2);
        foreach (string key in new[] { "a", "b", "c", "d" })
        {
            await cache.SetAsync(key, "v"u8.ToArray(), null, None);
        }

        Assert.Equal(3, StoredCount());
        Assert.Equal(3, EntryFiles());
    }

    [Fact]
    public async Task Pruning_without_expired_files_removes_the_soonest_to_expire_and_never_expiring_ones_last()
    {
        FileSystemCache cache = Create(threshold: 2);
        await cache.SetAsync("forever", "v"u8.ToArray(), 0, None);
        await cache.SetAsync("soonest", "v"u8.ToArray(), 50, None);
        await cache.SetAsync("soon", "v"u8.ToArray(), 100, None);

        await cache.SetAsync("late", "v"u8.ToArray(), 300, None);

        Assert.False(await cache.HasAsync("soonest", None));
        Assert.True(await cache.HasAsync("forever", None));
        Assert.True(await cache.HasAsync("soon", None));
        Assert.True(await cache.HasAsync("late", None));
        Assert.Equal(3, EntryFiles());
    }

    [Fact]
    public async Task Pruning_prefers_expired_files_over_sooner_expiring_live_ones()
    {
        FileSystemCache cache = Create(threshold: 2);
        await cache.SetAsync("live-soon", "v"u8.ToArray(), 100, None);
        await cache.SetAsync("expiring", "v"u8.ToArray(), 1, None);
        await cache.SetAsync("live-late", "v"u8.ToArray(), 200, None);
        _clock.Advance(TimeSpan.FromSeconds(5));

        await cache.SetAsync("new", "v"u8.ToArray(), 300, None);

        Assert.True(await cache.HasAsync("live-soon", None));
        Assert.True(await cache.HasAsync("live-late", None));
        Assert.True(await cache.HasAsync("new", None));
        Assert.Equal(3, StoredCount());
        Assert.Equal(3, EntryFiles());
    }

    [Fact]
    public async Task Clear_sets_the_count_to_zero_and_removes_every_entry_file()
    {
        FileSystemCache cache = Create();
        for (int i = 0; i < 10; i++)
        {
            await cache.SetAsync(i.ToString(), "v"u8.ToArray(), null, None);
        }

        Assert.True(await cache.ClearAsync(None));

        Assert.Equal(0, StoredCount());
        Assert.Equal(0, EntryFiles());
    }

    [Fact]
    public async Task Threshold_0_keeps_no_count_file_and_never_prunes()
    {
        FileSystemCache cache = Create(threshold: 0);
        for (int i = 0; i < 30; i++)
        {
            await cache.SetAsync(i.ToString(), "v"u8.ToArray(), null, None);
        }

        await cache.DeleteAsync("0", None);
        await cache.ClearAsync(None);
        await cache.SetAsync("again", "v"u8.ToArray(), null, None);

        Assert.False(File.Exists(CountFile));
        Assert.Equal(1, EntryFiles());
    }

    [Fact]
    public async Task Overwriting_or_adding_an_existing_key_does_not_change_the_count()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("foo", "1"u8.ToArray(), null, None);
        await cache.SetAsync("bar", "1"u8.ToArray(), null, None);
        Assert.Equal(2, StoredCount());

        await cache.SetAsync("foo", "2"u8.ToArray(), null, None);
        Assert.False(await cache.AddAsync("foo", "3"u8.ToArray(), null, None));
        await cache.IncrementAsync("bar", 1, None);

        Assert.Equal(2, StoredCount());
    }

    [Fact]
    public async Task Delete_decrements_the_count_and_deleting_a_missing_key_does_not()
    {
        FileSystemCache cache = Create();
        await cache.SetManyAsync([new("a", "1"u8.ToArray()), new("b", "2"u8.ToArray()), new("c", "3"u8.ToArray())], null, None);

        Assert.True(await cache.DeleteAsync("a", None));
        Assert.Equal(2, StoredCount());
        Assert.True(await cache.DeleteAsync("a", None));
        Assert.Equal(2, StoredCount());
        Assert.Equal(["b", "c"], await cache.DeleteManyAsync(["b", "c"], None));
        Assert.Equal(0, StoredCount());
    }

    [Fact]
    public async Task The_count_file_is_never_returned_by_get_nor_removed_by_clear()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), null, None);

        Assert.Null(await cache.GetAsync(FileSystemCache.CountFileName, None));
        Assert.False(await cache.HasAsync(FileSystemCache.CountFileName, None));
        await cache.ClearAsync(None);

        Assert.True(File.Exists(CountFile));
        Assert.Equal(0, StoredCount());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a number")]
    [InlineData("-4")]
    public async Task A_missing_or_corrupt_count_file_is_rebuilt_from_the_directory(string? content)
    {
        FileSystemCache cache = Create();
        await cache.SetManyAsync([new("a", "1"u8.ToArray()), new("b", "2"u8.ToArray()), new("c", "3"u8.ToArray())], null, None);
        if (content is null)
        {
            File.Delete(CountFile);
        }
        else
        {
            File.WriteAllText(CountFile, content);
        }

        await cache.SetAsync("d", "4"u8.ToArray(), null, None);

        Assert.Equal(4, StoredCount());
        Assert.Equal(content is null ? 0 : 1, _logger.WithEventId(1002).Count);
    }

    [Fact]
    public async Task Two_instances_on_one_directory_keep_one_correct_count_under_concurrency()
    {
        FileSystemCache first = Create();
        FileSystemCache second = Create();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            FileSystemCache cache = i % 2 == 0 ? first : second;
            await cache.SetAsync($"k{i % 50}", "v"u8.ToArray(), null, None);
            if (i % 5 == 0)
            {
                await cache.DeleteAsync($"k{(i + 1) % 50}", None);
            }
        })));

        Assert.Equal(EntryFiles(), StoredCount());
    }

    [Fact]
    public async Task Parallel_increments_count_exactly_and_keep_the_count_file_at_one()
    {
        FileSystemCache cache = Create();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () => await cache.IncrementAsync("hits", 1, None))));

        Assert.Equal("1000", System.Text.Encoding.ASCII.GetString((await cache.GetAsync("hits", None))!));
        Assert.Equal(1, StoredCount());
    }
}
