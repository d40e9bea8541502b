using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>A server that dies and comes back on the same port: operations fail with a clear error meanwhile, then recover on their own.</summary>
public sealed class RedisCacheFailureTests : IAsyncLifetime
{
    private static CancellationToken None => CancellationToken.None;
    private readonly TempDirectory _directory = new();
    private RedisProcess _server = null!;

    public async Task InitializeAsync() => _server = await RedisProcess.StartAsync(_directory.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_killed_server_gives_a_clear_error_and_the_cache_recovers_when_it_returns()
    {
        using var cache = new RedisCache(new RedisCacheOptions { Host = "127.0.0.1", Port = _server.Port, ClientOptions = { ["connectTimeout"] = "1000" } });
        Assert.True(await cache.SetAsync("before", "1"u8.ToArray(), 60, None));

        await _server.StopAsync();
        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.GetAsync("before", None));
        Assert.Contains($"127.0.0.1:{_server.Port}", error.Message, StringComparison.Ordinal);

        await _server.StartAsync();
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        bool stored = false;
        while (!stored && DateTime.UtcNow < deadline)
        {
            try
            {
                stored = await cache.SetAsync("after", "2"u8.ToArray(), 60, None);
            }
            catch (CacheException)
            {
                // Polling: the client reconnects on its own heartbeat.
                await Task.Delay(100);
            }
        }

        Assert.True(stored, "the cache did not recover within 20 s of the server's restart");
        Assert.Equal("2", await _server.CliAsync("GET", "after"));
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_cache_error_and_construction_needs_no_server()
    {
        int port = RedisProcess.FreePort();
        using var cache = new RedisCache(new RedisCacheOptions { Host = "127.0.0.1", Port = port, Password = "never-shown", ClientOptions = { ["connectTimeout"] = "500" } });

        CacheException error = await Assert.ThrowsAsync<CacheException>(async () => await cache.HasAsync("k", None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown", error.ToString(), StringComparison.Ordinal);
    }
}
