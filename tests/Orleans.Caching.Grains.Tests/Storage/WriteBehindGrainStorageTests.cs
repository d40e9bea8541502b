using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains.Tests.Hosting;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Grains.Tests.Storage;

public sealed class WriteBehindGrainStorageTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ListLogger _log = new();
    private readonly SimpleCache _backend;
    private readonly ChaosBackend _chaos;
    private readonly ChaosGrainStorage _inner;
    private readonly WriteBehindGrainStorage _storage;

    public WriteBehindGrainStorageTests()
    {
        _backend = new SimpleCache(new SimpleCacheOptions(), _clock);
        _chaos = new ChaosBackend(_backend);
        _inner = new ChaosGrainStorage(new BackendGrainStorage(_chaos, null, _clock));
        _storage = CreateStorage(new WriteBehindGrainStorageOptions());
    }

    private static TimeSpan Interval => new WriteBehindGrainStorageOptions().FlushInterval;

    private static CancellationToken None => CancellationToken.None;

    public async ValueTask DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task A_write_is_acknowledged_before_it_reaches_storage()
    {
        string etag = await _storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);

        Assert.NotNull(etag);
        Assert.Equal(1, _storage.PendingCount);
        Assert.Equal(0, _inner.Writes);
        Assert.Null(await _backend.GetAsync("a", None));
    }

    [Fact]
    public async Task Reads_see_pending_writes_and_clears_before_the_flush()
    {
        string etag = await _storage.WriteAsync(Id("a"), Bytes("1"), _clock.GetUtcNow().AddMinutes(1), null, None);
        await _backend.SetAsync("b", Bytes("stored"), CacheTimeout.Never, None);
        GrainStateRecord stored = await _storage.ReadAsync(Id("b"), None);
        await _storage.ClearAsync(Id("b"), stored.ETag, None);

        GrainStateRecord pending = await _storage.ReadAsync(Id("a"), None);

        Assert.Equal("1", Text(pending.Value));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), pending.ExpiresAt);
        Assert.Equal(etag, pending.ETag);
        Assert.False((await _storage.ReadAsync(Id("b"), None)).RecordExists);
        Assert.Equal("stored", Text(await _backend.GetAsync("b", None)));
    }

    [Fact]
    public async Task A_grain_reactivated_before_the_flush_reads_its_own_writes()
    {
        CacheEntryGrain first = await TestGrainContext.ActivateEntryAsync("k", _storage, _clock);
        await first.SetAsync(Bytes("v1"), TimeSpan.FromSeconds(30));

        CacheEntryGrain second = await TestGrainContext.ActivateEntryAsync("k", _storage, _clock);

        Assert.Equal("v1", Text(await second.GetAsync()));
        Assert.True(await second.SetAsync(Bytes("v2"), null));
        await _storage.FlushAsync();
        Assert.Equal("v2", Text(await _backend.GetAsync("k", None)));
    }

    [Fact]
    public async Task Pending_writes_are_flushed_when_the_interval_elapses()
    {
        await _storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);
        await _storage.WriteAsync(Id("b"), Bytes("2"), _clock.GetUtcNow().AddSeconds(30), null, None);

        _clock.Advance(Interval);
        await _storage.BackgroundFlush;

        Assert.Equal(0, _storage.PendingCount);
        Assert.Equal("1", Text(await _backend.GetAsync("a", None)));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(29), (await _backend.GetEntryAsync("b", None))?.ExpiresAt);
    }

    [Fact]
    public async Task Flush_writes_everything_now()
    {
        for (int i = 0; i < 10; i++)
        {
            await _storage.WriteAsync(Id($"k{i}"), Bytes(i.ToString()), null, null, None);
        }

        await _storage.FlushAsync();

        Assert.Equal(0, _storage.PendingCount);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(i.ToString(), Text(await _backend.GetAsync($"k{i}", None)));
        }
    }

    [Fact]
    public async Task More_writes_than_a_batch_are_all_flushed()
    {
        await using WriteBehindGrainStorage storage = CreateStorage(new WriteBehindGrainStorageOptions { MaxBatchSize = 2 });
        for (int i = 0; i < 5; i++)
        {
            await storage.WriteAsync(Id($"k{i}"), Bytes(i.ToString()), null, null, None);
        }

        await storage.FlushAsync();

        Assert.Equal(5, _inner.Writes);
        Assert.Equal("4", Text(await _backend.GetAsync("k4", None)));
    }

    [Fact]
    public async Task Writes_of_one_grain_before_a_flush_are_coalesced_into_the_latest()
    {
        string etag = await _storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);
        etag = await _storage.WriteAsync(Id("a"), Bytes("2"), null, etag, None);
        await _storage.WriteAsync(Id("a"), Bytes("3"), null, etag, None);

        await _storage.FlushAsync();

        Assert.Equal(1, _inner.Writes);
        Assert.Equal("3", Text(await _backend.GetAsync("a", None)));
    }

    [Fact]
    public async Task A_clear_after_a_write_flushes_as_a_delete()
    {
        await _backend.SetAsync("a", Bytes("old"), CacheTimeout.Never, None);
        string? stored = (await _storage.ReadAsync(Id("a"), None)).ETag;
        string etag = await _storage.WriteAsync(Id("a"), Bytes("new"), null, stored, None);
        await _storage.ClearAsync(Id("a"), etag, None);

        await _storage.FlushAsync();

        Assert.Equal(0, _inner.Writes);
        Assert.Null(await _backend.GetAsync("a", None));
    }

    [Fact]
    public async Task A_failed_flush_keeps_the_write_and_retries_with_backoff_until_storage_recovers()
    {
        await using WriteBehindGrainStorage storage = CreateStorage(new WriteBehindGrainStorageOptions { RetryDelay = TimeSpan.FromSeconds(5) });
        await storage.WriteAsync(Id("a"), Bytes("kept"), null, null, None);
        _chaos.Down = true;

        _clock.Advance(Interval);
        await storage.BackgroundFlush;

        Assert.Equal(1, storage.PendingCount);
        Assert.Equal(1, _chaos.FailedCalls);
        LogEntry warning = Assert.Single(_log.WithEventId(3001));
        Assert.Equal(LogLevel.Warning, warning.Level);

        _clock.Advance(TimeSpan.FromSeconds(5));
        await storage.BackgroundFlush;
        Assert.Equal(2, _chaos.FailedCalls);

        _chaos.Down = false;
        _clock.Advance(TimeSpan.FromSeconds(9));
        await storage.BackgroundFlush;
        Assert.Equal(1, storage.PendingCount);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await storage.BackgroundFlush;
        Assert.Equal(0, storage.PendingCount);
        Assert.Equal("kept", Text(await _backend.GetAsync("a", None)));
    }

    [Fact]
    public async Task Flush_while_storage_is_down_throws_and_loses_nothing()
    {
        await _storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);
        await _storage.WriteAsync(Id("b"), Bytes("2"), null, null, None);
        _chaos.Down = true;

        CacheException error = await Assert.ThrowsAsync<CacheException>(() => _storage.FlushAsync());

        Assert.Contains("2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _storage.PendingCount);
        Assert.Equal("1", Text((await _storage.ReadAsync(Id("a"), None)).Value));

        _chaos.Down = false;
        await _storage.FlushAsync();
        Assert.Equal(0, _storage.PendingCount);
        Assert.Equal("1", Text(await _backend.GetAsync("a", None)));
        Assert.Equal("2", Text(await _backend.GetAsync("b", None)));
    }

    [Fact]
    public async Task A_write_made_while_an_older_one_failed_is_the_one_that_lands()
    {
        await _storage.WriteAsync(Id("a"), Bytes("old"), null, null, None);
        _chaos.Down = true;
        await Assert.ThrowsAsync<CacheException>(() => _storage.FlushAsync());

        await _storage.WriteAsync(Id("a"), Bytes("new"), null, null, None);
        _chaos.Down = false;
        await _storage.FlushAsync();

        Assert.Equal("new", Text(await _backend.GetAsync("a", None)));
    }

    [Fact]
    public async Task A_conflict_at_flush_is_logged_and_the_pending_write_wins()
    {
        await _backend.SetAsync("a", Bytes("read"), CacheTimeout.Never, None);
        string? etag = (await _storage.ReadAsync(Id("a"), None)).ETag;
        await _storage.WriteAsync(Id("a"), Bytes("mine"), null, etag, None);
        await _backend.SetAsync("a", Bytes("theirs"), CacheTimeout.Never, None);

        await _storage.FlushAsync();

        Assert.Equal("mine", Text(await _backend.GetAsync("a", None)));
        Assert.Single(_log.WithEventId(3002));
    }

    [Fact]
    public async Task A_write_after_a_flush_overwrites_without_a_conflict()
    {
        string etag = await _storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);
        await _storage.FlushAsync();

        await _storage.WriteAsync(Id("a"), Bytes("2"), null, etag, None);
        await _storage.FlushAsync();

        Assert.Equal("2", Text(await _backend.GetAsync("a", None)));
        Assert.Empty(_log.WithEventId(3002));
    }

    [Fact]
    public async Task Dispose_flushes_what_is_pending_and_refuses_later_writes()
    {
        WriteBehindGrainStorage storage = CreateStorage(new WriteBehindGrainStorageOptions());
        await storage.WriteAsync(Id("a"), Bytes("1"), null, null, None);

        await storage.DisposeAsync();

        Assert.Equal("1", Text(await _backend.GetAsync("a", None)));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await storage.WriteAsync(Id("b"), Bytes("2"), null, null, None));
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_name()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => CreateStorage(new WriteBehindGrainStorageOptions { FlushInterval = TimeSpan.Zero }));

        Assert.Contains("FlushInterval", error.Message, StringComparison.Ordinal);
    }

    private WriteBehindGrainStorage CreateStorage(WriteBehindGrainStorageOptions options)
        => new(_inner, options, _clock, new TypedLogger<WriteBehindGrainStorage>(_log));

    private static GrainId Id(string key) => new(CacheGrainTypes.Entry, key);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);
}
