using System.Text;
using Orleans.Caching.Grains.Tests.Hosting;

namespace Orleans.Caching.Grains.Tests.Versions;

public sealed class MemoizeVersionGrainTests
{
    private const string Key = "module.function_memver";
    private static CancellationToken None => CancellationToken.None;

    private readonly FakeTimeProvider _clock = new();
    private readonly SimpleCache _backend;
    private readonly BackendGrainStorage _storage;

    public MemoizeVersionGrainTests()
    {
        _backend = new SimpleCache(new SimpleCacheOptions(), _clock);
        _storage = new BackendGrainStorage(_backend, null, _clock);
    }

    [Fact]
    public async Task Get_or_create_makes_one_six_character_version_and_persists_it_without_expiry()
    {
        MemoizeVersionGrain grain = await ActivateAsync();

        string version = await grain.GetOrCreateAsync();

        Assert.Equal(6, version.Length);
        Assert.Matches("^[A-Za-z0-9+/]{6}$", version);
        Assert.Equal(version, await grain.GetOrCreateAsync());
        CacheEntry? stored = await _backend.GetEntryAsync(Key, None);
        Assert.Equal(version, Encoding.UTF8.GetString(stored!.Value));
        Assert.Null(stored.ExpiresAt);
        _clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(version, await grain.GetOrCreateAsync());
    }

    [Fact]
    public async Task Versions_of_different_functions_differ()
    {
        MemoizeVersionGrain first = await ActivateAsync("a_memver");
        MemoizeVersionGrain second = await ActivateAsync("b_memver");

        Assert.NotEqual(await first.GetOrCreateAsync(), await second.GetOrCreateAsync());
    }

    [Fact]
    public async Task Reset_replaces_the_version_in_memory_and_in_storage()
    {
        MemoizeVersionGrain grain = await ActivateAsync();
        string old = await grain.GetOrCreateAsync();

        string reset = await grain.ResetAsync();

        Assert.NotEqual(old, reset);
        Assert.Equal(reset, await grain.GetOrCreateAsync());
        Assert.Equal(reset, Encoding.UTF8.GetString((await _backend.GetAsync(Key, None))!));
    }

    [Fact]
    public async Task Delete_removes_the_version_and_the_next_call_creates_a_new_one()
    {
        MemoizeVersionGrain grain = await ActivateAsync();
        string old = await grain.GetOrCreateAsync();

        Assert.True(await grain.DeleteAsync());
        Assert.Null(await _backend.GetAsync(Key, None));
        Assert.False(await grain.DeleteAsync());

        Assert.NotEqual(old, await grain.GetOrCreateAsync());
    }

    [Fact]
    public async Task Refresh_never_shortens_and_the_version_expires_after_the_longest_entry()
    {
        MemoizeVersionGrain grain = await ActivateAsync();
        string version = await grain.GetOrCreateAsync();

        await grain.RefreshAsync(TimeSpan.FromSeconds(100));
        await grain.RefreshAsync(TimeSpan.FromSeconds(10));
        await grain.RefreshAsync(TimeSpan.FromSeconds(-5));

        _clock.Advance(TimeSpan.FromSeconds(99));
        Assert.Equal(version, await grain.GetOrCreateAsync());
        Assert.NotNull(await _backend.GetAsync(Key, None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _backend.GetAsync(Key, None));
        Assert.NotEqual(version, await grain.GetOrCreateAsync());
    }

    [Fact]
    public async Task Refresh_extends_to_the_later_deadline()
    {
        MemoizeVersionGrain grain = await ActivateAsync();
        string version = await grain.GetOrCreateAsync();
        await grain.RefreshAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(5));

        await grain.RefreshAsync(TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(version, await grain.GetOrCreateAsync());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(version, await grain.GetOrCreateAsync());
    }

    [Fact]
    public async Task Refresh_with_no_time_to_live_makes_the_version_permanent()
    {
        MemoizeVersionGrain grain = await ActivateAsync();
        string version = await grain.GetOrCreateAsync();
        await grain.RefreshAsync(TimeSpan.FromSeconds(10));

        await grain.RefreshAsync(null);
        await grain.RefreshAsync(TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(version, await grain.GetOrCreateAsync());
        Assert.Null((await _backend.GetEntryAsync(Key, None))?.ExpiresAt);
    }

    [Fact]
    public async Task Refresh_without_a_version_creates_nothing()
    {
        MemoizeVersionGrain grain = await ActivateAsync();

        await grain.RefreshAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await _backend.GetAsync(Key, None));
    }

    [Fact]
    public async Task A_new_activation_reloads_the_version_and_its_deadline()
    {
        MemoizeVersionGrain first = await ActivateAsync();
        string version = await first.GetOrCreateAsync();
        await first.RefreshAsync(TimeSpan.FromSeconds(60));

        MemoizeVersionGrain second = await ActivateAsync();

        Assert.Equal(version, await second.GetOrCreateAsync());
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.NotEqual(version, await second.GetOrCreateAsync());
    }

    [Fact]
    public async Task A_failed_write_leaves_the_version_unchanged()
    {
        var chaos = new ChaosGrainStorage(_storage);
        MemoizeVersionGrain grain = await TestGrainContext.ActivateVersionAsync(Key, chaos, _clock);
        string version = await grain.GetOrCreateAsync();
        chaos.FailWrites = true;

        await Assert.ThrowsAsync<IOException>(async () => await grain.ResetAsync());
        await Assert.ThrowsAsync<IOException>(async () => await grain.DeleteAsync());

        Assert.Equal(version, await grain.GetOrCreateAsync());
        Assert.Equal(version, Encoding.UTF8.GetString((await _backend.GetAsync(Key, None))!));
    }

    private Task<MemoizeVersionGrain> ActivateAsync(string key = Key) => TestGrainContext.ActivateVersionAsync(key, _storage, _clock);
}
