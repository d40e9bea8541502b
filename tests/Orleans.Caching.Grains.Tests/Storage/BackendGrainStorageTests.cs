using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains.Tests.Hosting;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Grains.Tests.Storage;

public sealed class BackendGrainStorageTests : IDisposable
{
    private static GrainId Grain => new(CacheGrainTypes.Entry, "user:1");

    private readonly FakeTimeProvider _clock = new();
    private readonly ListLogger _log = new();
    private readonly SimpleCache _backend;
    private readonly BackendGrainStorage _storage;
    private readonly TempDirectory _directory = new();

    public BackendGrainStorageTests()
    {
        _backend = new SimpleCache(new SimpleCacheOptions(), _clock);
        _storage = new BackendGrainStorage(_backend, null, _clock, new TypedLogger<BackendGrainStorage>(_log));
    }

    private static CancellationToken None => CancellationToken.None;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_missing_record_reads_as_none()
    {
        GrainStateRecord record = await _storage.ReadAsync(Grain, None);

        Assert.False(record.RecordExists);
        Assert.Null(record.ETag);
    }

    [Fact]
    public async Task A_write_stores_the_raw_value_under_the_grain_key_with_its_time_to_live()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("hello"), _clock.GetUtcNow().AddSeconds(10), null, None);

        Assert.Equal("hello", Text(await _backend.GetAsync("user:1", None)));
        GrainStateRecord record = await _storage.ReadAsync(Grain, None);
        Assert.Equal("hello", Text(record.Value));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(10), record.ExpiresAt);
        Assert.Equal(etag, record.ETag);
        Assert.Matches("^[0-9a-f]{16}$", etag);

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await _backend.GetAsync("user:1", None));
    }

    [Fact]
    public async Task A_fractional_time_to_live_is_rounded_up_to_whole_seconds_and_the_etag_follows_what_is_stored()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("v"), _clock.GetUtcNow().AddSeconds(1.5), null, None);

        GrainStateRecord record = await _storage.ReadAsync(Grain, None);

        Assert.Equal(_clock.GetUtcNow().AddSeconds(2), record.ExpiresAt);
        Assert.Equal(etag, record.ETag);
    }

    [Fact]
    public async Task The_etag_changes_with_the_value_and_with_the_expiry()
    {
        string first = await _storage.WriteAsync(Grain, Bytes("a"), null, null, None);
        string second = await _storage.WriteAsync(Grain, Bytes("b"), null, first, None);
        string third = await _storage.WriteAsync(Grain, Bytes("b"), _clock.GetUtcNow().AddSeconds(5), second, None);

        Assert.NotEqual(first, second);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task A_write_that_is_already_expired_deletes_the_record()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("a"), null, null, None);

        await _storage.WriteAsync(Grain, Bytes("b"), _clock.GetUtcNow(), etag, None);

        Assert.Null(await _backend.GetAsync("user:1", None));
    }

    [Fact]
    public async Task A_write_over_a_record_changed_underneath_is_refused_and_logged()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("mine"), null, null, None);
        await _backend.SetAsync("user:1", Bytes("theirs"), CacheTimeout.Never, None);

        InconsistentStateException error = await Assert.ThrowsAsync<InconsistentStateException>(
            async () => await _storage.WriteAsync(Grain, Bytes("again"), null, etag, None));

        Assert.Equal(etag, error.ExpectedETag);
        Assert.Equal((await _storage.ReadAsync(Grain, None)).ETag, error.StoredETag);
        Assert.Equal("theirs", Text(await _backend.GetAsync("user:1", None)));
        LogEntry warning = Assert.Single(_log.WithEventId(3000));
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task A_clear_over_a_record_changed_underneath_is_refused()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("mine"), null, null, None);
        await _backend.SetAsync("user:1", Bytes("theirs"), CacheTimeout.Never, None);

        await Assert.ThrowsAsync<InconsistentStateException>(async () => await _storage.ClearAsync(Grain, etag, None));

        Assert.Equal("theirs", Text(await _backend.GetAsync("user:1", None)));
    }

    [Fact]
    public async Task A_first_write_over_a_record_the_grain_never_saw_is_refused()
    {
        await _backend.SetAsync("user:1", Bytes("theirs"), CacheTimeout.Never, None);

        await Assert.ThrowsAsync<InconsistentStateException>(async () => await _storage.WriteAsync(Grain, Bytes("mine"), null, null, None));
    }

    [Fact]
    public async Task A_record_that_is_gone_is_never_a_conflict()
    {
        string etag = await _storage.WriteAsync(Grain, Bytes("mine"), null, null, None);
        await _backend.DeleteAsync("user:1", None);

        await _storage.WriteAsync(Grain, Bytes("again"), null, etag, None);

        Assert.Equal("again", Text(await _backend.GetAsync("user:1", None)));
    }

    [Fact]
    public async Task The_any_etag_and_disabled_verification_overwrite_whatever_is_stored()
    {
        var unverified = new BackendGrainStorage(_backend, new BackendGrainStorageOptions { VerifyETags = false }, _clock);
        await _backend.SetAsync("user:1", Bytes("theirs"), CacheTimeout.Never, None);

        await _storage.WriteAsync(Grain, Bytes("any"), null, GrainStorageETags.Any, None);
        Assert.Equal("any", Text(await _backend.GetAsync("user:1", None)));
        await unverified.WriteAsync(Grain, Bytes("unverified"), null, "stale", None);
        Assert.Equal("unverified", Text(await _backend.GetAsync("user:1", None)));
    }

    [Fact]
    public async Task What_a_grain_persists_to_file_system_cache_is_read_by_an_independent_direct_mode_backend()
    {
        var options = new FileSystemCacheOptions { Directory = _directory.Path, KeyPrefix = "app:" };
        var storage = new BackendGrainStorage(new FileSystemCache(options, _clock), null, _clock);
        CacheEntryGrain grain = await TestGrainContext.ActivateEntryAsync("user:1", storage, _clock);
        await grain.SetAsync(Bytes("{\"name\":\"ada\"}"), TimeSpan.FromSeconds(60));

        var direct = new FileSystemCache(new FileSystemCacheOptions { Directory = _directory.Path, KeyPrefix = "app:" }, _clock);

        Assert.Equal("{\"name\":\"ada\"}", Text(await direct.GetAsync("user:1", None)));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), (await direct.GetEntryAsync("user:1", None))?.ExpiresAt);
    }

    [Fact]
    public async Task Null_storage_reads_nothing_and_acknowledges_writes_with_fresh_etags()
    {
        var storage = new NullGrainStorage();

        string first = await storage.WriteAsync(Grain, Bytes("a"), null, null, None);
        string second = await storage.WriteAsync(Grain, Bytes("b"), null, first, None);
        await storage.ClearAsync(Grain, second, None);

        Assert.NotEqual(first, second);
        Assert.False((await storage.ReadAsync(Grain, None)).RecordExists);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);
}
