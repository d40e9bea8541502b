using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Entries;

public sealed class CacheEntryGrainStorageTests : CacheEntryGrainTestBase, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_failed_storage_write_leaves_memory_as_it_was_and_throws()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("41"), TimeSpan.FromSeconds(60));
        DateTimeOffset? expiry = (await grain.GetEntryAsync())?.ExpiresAt;
        Storage.FailWrites = true;

        await Assert.ThrowsAsync<IOException>(async () => await grain.SetAsync(Bytes("new"), null));
        await Assert.ThrowsAsync<IOException>(async () => await grain.DeleteAsync());
        await Assert.ThrowsAsync<IOException>(async () => await grain.IncrementAsync(1, null));
        await Assert.ThrowsAsync<IOException>(async () => await grain.TouchAsync(null));
        await Assert.ThrowsAsync<IOException>(async () => await grain.SetAsync(Bytes("gone"), TimeSpan.FromSeconds(-1)));

        Assert.Equal(5, Storage.FailedCalls);
        CacheEntrySnapshot? entry = await grain.GetEntryAsync();
        Assert.Equal("41", Text(entry?.Value));
        Assert.Equal(expiry, entry?.ExpiresAt);
        Assert.Equal("41", await BackendTextAsync());
    }

    [Fact]
    public async Task After_storage_recovers_the_grain_writes_again()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("a"), null);
        Storage.FailWrites = true;
        await Assert.ThrowsAsync<IOException>(async () => await grain.SetAsync(Bytes("b"), null));

        Storage.FailWrites = false;

        Assert.True(await grain.SetAsync(Bytes("c"), null));
        Assert.Equal("c", await BackendTextAsync());
    }

    [Fact]
    public async Task A_new_activation_over_simple_cache_sees_the_value_and_the_remaining_time_to_live()
    {
        CacheEntryGrain first = await ActivateAsync();
        await first.SetAsync(Bytes("kept"), TimeSpan.FromSeconds(100));
        DateTimeOffset expiry = Clock.GetUtcNow().AddSeconds(100);
        Clock.Advance(TimeSpan.FromSeconds(40));

        CacheEntryGrain second = await ActivateAsync();

        CacheEntrySnapshot? entry = await second.GetEntryAsync();
        Assert.Equal("kept", Text(entry?.Value));
        Assert.Equal(expiry, entry?.ExpiresAt);
        Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Null(await second.GetAsync());
    }

    [Fact]
    public async Task A_new_activation_over_file_system_cache_sees_the_value_and_the_remaining_time_to_live()
    {
        var backend = new FileSystemCache(new FileSystemCacheOptions { Directory = _directory.Path }, Clock);
        var storage = new BackendGrainStorage(backend, null, Clock);
        CacheEntryGrain first = await ActivateAsync(storage: storage);
        await first.SetAsync(Bytes("on disk"), TimeSpan.FromSeconds(100));
        DateTimeOffset expiry = Clock.GetUtcNow().AddSeconds(100);
        Clock.Advance(TimeSpan.FromSeconds(40));

        CacheEntryGrain second = await ActivateAsync(storage: storage);

        CacheEntrySnapshot? entry = await second.GetEntryAsync();
        Assert.Equal("on disk", Text(entry?.Value));
        Assert.NotNull(entry?.ExpiresAt);
        Assert.InRange(entry.ExpiresAt.Value, expiry, expiry.AddSeconds(1));
        Assert.True(await second.SetAsync(Bytes("rewritten"), null));
        Assert.Equal("rewritten", Text(await backend.GetAsync("key", None)));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("rewritten", Text(await ActivateAndGetAsync(storage)));
    }

    [Fact]
    public async Task A_reactivated_grain_writes_with_the_etag_it_read()
    {
        CacheEntryGrain first = await ActivateAsync();
        await first.SetAsync(Bytes("1"), TimeSpan.FromSeconds(30));

        CacheEntryGrain second = await ActivateAsync();

        Assert.Equal(2, await second.IncrementAsync(1, null));
        Assert.True(await second.DeleteAsync());
        Assert.Null(await BackendTextAsync());
    }

    [Fact]
    public async Task A_grain_writes_again_after_its_value_expired_in_memory_whatever_the_backend_still_holds()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("v"), TimeSpan.FromSeconds(1.5));
        Clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Null(await grain.GetAsync());

        Assert.True(await grain.SetAsync(Bytes("w"), TimeSpan.FromSeconds(10)));

        Assert.Equal("w", await BackendTextAsync());
    }

    [Fact]
    public async Task An_activation_whose_record_changed_underneath_is_refused_with_inconsistent_state()
    {
        CacheEntryGrain grain = await ActivateAsync();
        await grain.SetAsync(Bytes("mine"), null);
        await Backend.SetAsync("key", Bytes("theirs"), CacheTimeout.Never, None);

        InconsistentStateException error = await Assert.ThrowsAsync<InconsistentStateException>(async () => await grain.SetAsync(Bytes("again"), null));

        Assert.NotNull(error.StoredETag);
        Assert.Equal("theirs", await BackendTextAsync());
        Assert.Equal("mine", Text(await grain.GetAsync()));
    }

    [Fact]
    public async Task An_already_expired_record_reads_as_missing_on_activation()
    {
        var stale = new FixedRecordStorage(new GrainStateRecord(Bytes("old"), Clock.GetUtcNow(), "etag-1"));

        CacheEntryGrain grain = await ActivateAsync(storage: stale);

        Assert.Null(await grain.GetAsync());
        Assert.True(await grain.SetAsync(Bytes("new"), null));
        Assert.Equal("etag-1", stale.LastExpectedETag);
    }

    private async Task<byte[]?> ActivateAndGetAsync(IGrainStorage storage) => await (await ActivateAsync(storage: storage)).GetAsync();

    private sealed class FixedRecordStorage(GrainStateRecord record) : IGrainStorage
    {
        public string? LastExpectedETag { get; private set; }

        public ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken) => ValueTask.FromResult(record);

        public ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
        {
            LastExpectedETag = expectedETag;
            return ValueTask.FromResult("etag-2");
        }

        public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
