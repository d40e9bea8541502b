using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Local;

public sealed class LocalPersistenceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Values_written_through_file_system_storage_survive_a_restart_of_the_silo()
    {
        await using (var first = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path)))
        {
            Assert.True(await first.Cache.SetAsync("greeting", "hello", timeout: 0));
            Assert.True(await first.Cache.SetAsync("short", "lived", timeout: 60));
            Assert.Equal(3, await first.Cache.IncAsync("visits", 3));
        }

        await using var second = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path));

        Assert.Equal("hello", await second.Cache.GetAsync<string>("greeting"));
        Assert.Equal("lived", await second.Cache.GetAsync<string>("short"));
        Assert.Equal(4, await second.Cache.IncAsync("visits"));
        second.Clock.Advance(61);
        Assert.Null(await second.Cache.GetAsync("short"));   // the remaining time-to-live was kept across the restart
        Assert.Equal("hello", await second.Cache.GetAsync<string>("greeting"));
    }

    [Fact]
    public async Task Memoized_results_and_their_versions_survive_a_restart_of_the_silo()
    {
        int runs = 0;
        Func<int, int> square = x => { runs++; return x * x; };
        await using (var first = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path)))
        {
            Assert.Equal(49, first.Cache.Memoize(square, new MemoizeOptions { Name = "square", Timeout = 0 }).Invoke(7));
        }

        await using var second = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path));

        Assert.Equal(49, second.Cache.Memoize(square, new MemoizeOptions { Name = "square", Timeout = 0 }).Invoke(7));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Write_behind_loses_nothing_on_a_graceful_stop()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => $"key{i}").ToList();
        await using (var first = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path, "WriteBehind")))
        {
            IReadOnlyList<string> stored = await first.Cache.SetManyAsync(keys.ToDictionary(k => k, k => (object?)("value of " + k)), timeout: 0);
            Assert.Equal(1000, stored.Count);
            // Acknowledged from memory: the flush interval (1 s of a clock that does not move) has not come, so nothing is on disk yet.
            Assert.Empty(Directory.GetFiles(_directory.Path));
        }

        // What the stop flushed is on disk: a direct file-system cache over the same directory reads it.
        var files = new FileSystemCache(new FileSystemCacheOptions { Directory = _directory.Path, Threshold = 0 }, new FakeTimeProvider());
        Assert.Equal(1000, (await files.GetManyAsync(keys, CancellationToken.None)).Count(v => v is not null));

        await using var second = new LocalCacheHost(LocalCacheHost.FileSystemStorage(_directory.Path, "WriteBehind"));
        IReadOnlyList<string?> values = await second.Cache.GetManyAsync<string>(keys);
        Assert.Equal(keys.Select(k => "value of " + k), values);
    }

    [Fact]
    public async Task Without_persistence_a_restart_starts_empty()
    {
        Dictionary<string, string?> configuration = LocalCacheHost.FileSystemStorage(_directory.Path, "None");
        await using (var first = new LocalCacheHost(configuration))
        {
            Assert.True(await first.Cache.SetAsync("k", "v", timeout: 0));
            Assert.Equal("v", await first.Cache.GetAsync<string>("k"));
        }

        await using var second = new LocalCacheHost(configuration);

        Assert.Null(await second.Cache.GetAsync("k"));
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();
}
