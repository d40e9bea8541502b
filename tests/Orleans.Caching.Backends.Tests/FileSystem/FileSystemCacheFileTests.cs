using System.Buffers.Binary;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Orleans.Caching.Tests.Chaos;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Tests.FileSystem;

public sealed class FileSystemCacheFileTests : IDisposable
{
    private const int UnreadableEntryEventId = 1000;
    private static CancellationToken None => CancellationToken.None;
    private readonly FakeTimeProvider _clock = new();
    private readonly TempDirectory _directory = new();
    private readonly ListLogger _logger = new();

    public void Dispose() => _directory.Dispose();

    private FileSystemCache Create(Action<FileSystemCacheOptions>? configure = null)
    {
        var options = new FileSystemCacheOptions { Directory = _directory.Path };
        configure?.Invoke(options);
        return new FileSystemCache(options, _clock, _logger);
    }

    private string PathOf(string fullKey) => Path.Combine(_directory.Path, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullKey))));

    [Fact]
    public async Task File_names_are_the_sha256_hex_digest_of_the_full_key()
    {
        FileSystemCache plain = Create();
        FileSystemCache prefixed = Create(o => o.KeyPrefix = "p:");

        await plain.SetAsync("foo", "1"u8.ToArray(), null, None);
        await prefixed.SetAsync("foo", "2"u8.ToArray(), null, None);

        Assert.True(File.Exists(PathOf("foo")));
        Assert.True(File.Exists(PathOf("p:foo")));
    }

    [Theory]
    [InlineData("md5", 32)]
    [InlineData("sha1", 40)]
    [InlineData("sha224", 56)]
    [InlineData("sha512", 128)]
    public async Task File_names_follow_the_configured_hash_method(string hashMethod, int hexLength)
    {
        FileSystemCache cache = Create(o => o.HashMethod = hashMethod);
        await cache.SetAsync("foo", "1"u8.ToArray(), null, None);

        string expected = CacheHashMethod.FromName(hashMethod).ComputeHexDigest("foo"u8.ToArray());
        Assert.Equal(hexLength, expected.Length);
        Assert.True(File.Exists(Path.Combine(_directory.Path, expected)));
        Assert.Equal("1", Encoding.UTF8.GetString((await cache.GetAsync("foo", None))!));
    }

    [Fact]
    public async Task The_file_holds_the_header_key_and_value()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("foo", "bar"u8.ToArray(), 10, None);

        byte[] raw = await File.ReadAllBytesAsync(PathOf("foo"));

        Assert.Equal("OCFS"u8.ToArray(), raw[..4]);
        Assert.Equal(1, raw[4]);
        Assert.Equal(FakeTimeProvider.FlaskEpoch.ToUnixTimeSeconds() + 10, BinaryPrimitives.ReadInt64LittleEndian(raw.AsSpan(8)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(16)));
        Assert.Equal("foobar"u8.ToArray(), raw[20..]);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Files_get_mode_0600_by_default_and_the_configured_mode_otherwise()
    {
        await Create().SetAsync("default", "v"u8.ToArray(), null, None);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory.Path, FileSystemCache.CountFileName)));
        await Create(o => o.FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead).SetAsync("custom", "v"u8.ToArray(), null, None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("default")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(PathOf("custom")));
    }

    [Fact]
    public async Task An_entry_is_alive_at_exactly_its_timeout_and_dead_just_after()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), 10, None);

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await cache.HasAsync("k", None));
        Assert.NotNull(await cache.GetAsync("k", None));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await cache.HasAsync("k", None));
        Assert.Null(await cache.GetAsync("k", None));
    }

    [Fact]
    public async Task Add_over_an_expired_file_stores_the_new_value()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("k", "old"u8.ToArray(), 1, None);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await cache.AddAsync("k", "new"u8.ToArray(), null, None));
        Assert.Equal("new"u8.ToArray(), await cache.GetAsync("k", None));
    }

    public static TheoryData<string, byte[]> BrokenFiles => new()
    {
        { "garbage", "this is not a cache entry"u8.ToArray() },
        { "empty", [] },
        { "truncated header", "OCFS\u0001\0\0\0"u8.ToArray() },
        { "unknown version", [.. "OCFS"u8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, (byte)'k', (byte)'v'] },
        { "key length past the end", [.. "OCFS"u8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0, 0, (byte)'k'] },
        { "another key's entry", [.. "OCFS"u8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, .. "other"u8, .. "value"u8] },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_reads_as_a_miss_and_logs_one_warning_per_read(string kind, byte[] content)
    {
        FileSystemCache cache = Create();
        await File.WriteAllBytesAsync(PathOf("k"), content);

        Assert.Null(await cache.GetAsync("k", None));
        Assert.False(await cache.HasAsync("k", None));

        IReadOnlyList<LogEntry> warnings = _logger.WithEventId(UnreadableEntryEventId);
        Assert.True(warnings.Count == 2, $"{kind}: expected 2 warnings, got {warnings.Count}");
        Assert.All(warnings, w => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, w.Level));
        Assert.Contains(PathOf("k"), warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_is_replaced_by_set_and_add_and_counts_from_zero_for_increment()
    {
        FileSystemCache cache = Create();
        await File.WriteAllBytesAsync(PathOf("a"), "junk"u8.ToArray());
        await File.WriteAllBytesAsync(PathOf("n"), "junk"u8.ToArray());

        Assert.True(await cache.AddAsync("a", "fresh"u8.ToArray(), null, None));
        Assert.Equal(1, await cache.IncrementAsync("n", 1, None));

        Assert.Equal("fresh"u8.ToArray(), await cache.GetAsync("a", None));
        Assert.Equal("1"u8.ToArray(), await cache.GetAsync("n", None));
    }

    [Fact]
    public async Task A_temp_file_left_by_a_crash_is_neither_read_nor_counted()
    {
        FileSystemCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), null, None);
        string entry = PathOf("k");
        string leftover = Path.Combine(_directory.Path, "tmp0123456789abcdef" + FileSystemCache.TempFileSuffix);
        File.Move(entry, leftover);
        File.Delete(Path.Combine(_directory.Path, FileSystemCache.CountFileName));

        await cache.SetAsync("other", "v"u8.ToArray(), null, None);

        Assert.Null(await cache.GetAsync("k", None));
        Assert.Equal("1", await File.ReadAllTextAsync(Path.Combine(_directory.Path, FileSystemCache.CountFileName)));
        Assert.True(File.Exists(leftover));
    }

    [Fact]
    public async Task Files_that_are_not_cache_digests_are_not_counted_and_survive_clear()
    {
        string readme = Path.Combine(_directory.Path, "README.txt");
        await File.WriteAllTextAsync(readme, "keep me");
        FileSystemCache cache = Create();
        await cache.SetAsync("k", "v"u8.ToArray(), null, None);

        Assert.True(await cache.ClearAsync(None));

        Assert.True(File.Exists(readme));
        Assert.Equal("0", await File.ReadAllTextAsync(Path.Combine(_directory.Path, FileSystemCache.CountFileName)));
    }

    [Fact]
    public async Task Clear_on_a_prefixed_cache_removes_only_its_own_keys()
    {
        FileSystemCache first = Create(o => o.KeyPrefix = "first:");
        FileSystemCache second = Create(o => o.KeyPrefix = "second:");
        await first.SetManyAsync([new("a", "1"u8.ToArray()), new("b", "2"u8.ToArray())], null, None);
        await second.SetAsync("a", "3"u8.ToArray(), null, None);

        Assert.True(await first.ClearAsync(None));

        Assert.Equal([null, null], await first.GetManyAsync(["a", "b"], None));
        Assert.Equal("3"u8.ToArray(), await second.GetAsync("a", None));
        Assert.Equal("1", await File.ReadAllTextAsync(Path.Combine(_directory.Path, FileSystemCache.CountFileName)));
    }

    [Fact]
    public async Task A_directory_under_a_regular_file_fails_writes_with_a_CacheException_naming_it_and_reads_miss()
    {
        string file = Path.Combine(_directory.Path, "plain-file");
        await File.WriteAllTextAsync(file, "x");
        string impossible = Path.Combine(file, "cache");
        var cache = new FileSystemCache(new FileSystemCacheOptions { Directory = impossible }, _clock, _logger);

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.SetAsync("k", "v"u8.ToArray(), null, None));

        Assert.Contains(impossible, error.Message, StringComparison.Ordinal);
        Assert.Null(await cache.GetAsync("k", None));
        Assert.False(await cache.HasAsync("k", None));
        Assert.Single(_logger.WithEventId(1001));
    }

    [Fact]
    public async Task When_the_directory_becomes_a_file_writes_fail_and_earlier_entries_survive()
    {
        string directory = Path.Combine(_directory.Path, "cache");
        string moved = Path.Combine(_directory.Path, "moved");
        var cache = new FileSystemCache(new FileSystemCacheOptions { Directory = directory }, _clock, _logger);
        await cache.SetAsync("kept", "v"u8.ToArray(), null, None);
        Directory.Move(directory, moved);
        await File.WriteAllTextAsync(directory, "not a directory");

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.SetAsync("new", "v"u8.ToArray(), null, None));
        Assert.Contains(directory, error.Message, StringComparison.Ordinal);
        Assert.Null(await cache.GetAsync("kept", None));

        File.Delete(directory);
        Directory.Move(moved, directory);
        Assert.Equal("v"u8.ToArray(), await cache.GetAsync("kept", None));
        Assert.Empty(Directory.GetFiles(directory, "*" + FileSystemCache.TempFileSuffix));
    }

    [Fact]
    public async Task A_deleted_directory_is_created_again_on_the_next_write()
    {
        string directory = Path.Combine(_directory.Path, "nested", "cache");
        var cache = new FileSystemCache(new FileSystemCacheOptions { Directory = directory }, _clock);
        Assert.True(Directory.Exists(directory));
        Directory.Delete(Path.Combine(_directory.Path, "nested"), recursive: true);

        Assert.Null(await cache.GetAsync("k", None));
        Assert.True(await cache.SetAsync("k", "v"u8.ToArray(), null, None));
        Assert.Equal("v"u8.ToArray(), await cache.GetAsync("k", None));
    }

    [Fact]
    public async Task Delete_many_over_a_failing_delete_throws_or_returns_the_deleted_keys()
    {
        FileSystemCache inner = Create();
        var strict = new DeleteFailingBackend(inner, new CacheBackendOptions()) { StuckKeys = { "stuck" } };
        var lenient = new DeleteFailingBackend(inner, new CacheBackendOptions { IgnoreDeleteManyErrors = true }) { StuckKeys = { "stuck" } };
        await inner.SetManyAsync([new("a", "1"u8.ToArray()), new("b", "2"u8.ToArray()), new("stuck", "3"u8.ToArray())], null, None);

        CacheDeleteManyException error = await Assert.ThrowsAsync<CacheDeleteManyException>(async () => await strict.DeleteManyAsync(["a", "stuck"], None));
        IReadOnlyList<string> deleted = await lenient.DeleteManyAsync(["b", "stuck"], None);

        Assert.Equal(["stuck"], error.FailedKeys);
        Assert.Equal(["a"], error.DeletedKeys);
        Assert.Equal(["b"], deleted);
        Assert.True(await inner.HasAsync("stuck", None));
    }

    [Fact]
    public void Options_without_a_directory_are_rejected_naming_the_setting()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new FileSystemCache(new FileSystemCacheOptions()));
        Assert.Contains("Caching:Dir", error.Message, StringComparison.Ordinal);
        Assert.Contains("CACHE_DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_a_negative_threshold_or_an_unknown_hash_method_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.Threshold = -1));
        ArgumentException error = Assert.Throws<ArgumentException>(() => Create(o => o.HashMethod = "crc32"));
        Assert.Contains("sha256", error.Message, StringComparison.Ordinal);
    }
}
