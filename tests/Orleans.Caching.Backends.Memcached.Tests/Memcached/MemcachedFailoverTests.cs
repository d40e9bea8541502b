using System.Diagnostics;
using System.Text;
using Orleans.Caching.Tests.Logging;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

public sealed class MemcachedFailoverTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Keys_spread_over_both_servers_and_survive_the_loss_of_one_until_it_returns()
    {
        await using MemcachedServer first = await MemcachedServer.StartPlainAsync();
        await using MemcachedServer second = await MemcachedServer.StartPlainAsync();
        var logger = new ListLogger();
        await using var cache = new MemcachedCache(
            new MemcachedCacheOptions { Servers = [first.Address, second.Address], DeadServerRetryInterval = TimeSpan.FromMilliseconds(300) },
            logger: new TypedLogger<MemcachedCache>(logger));
        string[] keys = Enumerable.Range(0, 200).Select(i => $"key-{i}").ToArray();
        foreach (string key in keys)
        {
            Assert.True(await cache.SetAsync(key, Encoding.UTF8.GetBytes(key), 0, None));
        }

        long onFirst = await RawText.CurrentItemsAsync(first.Address);
        long onSecond = await RawText.CurrentItemsAsync(second.Address);
        Assert.Equal(200, onFirst + onSecond);
        Assert.InRange(onFirst, 50, 150);
        string[] firstKeys = keys.Where(k => RawText.GetAsync(first.Address, k).GetAwaiter().GetResult() is not null).ToArray();
        string[] secondKeys = keys.Except(firstKeys).ToArray();

        await first.KillAsync();

        foreach (string key in firstKeys.Take(20))
        {
            Assert.Null(await cache.GetAsync(key, None));
            Assert.False(await cache.HasAsync(key, None));
        }

        foreach (string key in secondKeys)
        {
            Assert.Equal(key, Encoding.UTF8.GetString((await cache.GetAsync(key, None))!));
        }

        MemcachedServerUnavailableException error = await Assert.ThrowsAsync<MemcachedServerUnavailableException>(
            async () => await cache.SetAsync(firstKeys[0], Encoding.UTF8.GetBytes("x"), null, None));
        Assert.Equal(first.Address, error.Server);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 5000 && e.Message.Contains(first.Address, StringComparison.Ordinal));
        Assert.True(await cache.SetAsync(secondKeys[0], Encoding.UTF8.GetBytes("still"), null, None));

        await first.RestartAsync();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Assert.True(await cache.SetAsync(firstKeys[0], Encoding.UTF8.GetBytes("back"), null, None));
                break;
            }
            catch (MemcachedServerUnavailableException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100); // polling until the back-off lets the client try the restarted server
            }
        }

        Assert.Equal("back", Encoding.UTF8.GetString((await cache.GetAsync(firstKeys[0], None))!));
        Assert.Equal("back", await RawText.GetAsync(first.Address, firstKeys[0]));
        Assert.Contains(logger.Entries, e => e.EventId.Id == 5001);
    }

    [Fact]
    public async Task An_unreachable_server_makes_reads_miss_and_writes_fail_with_a_clear_error()
    {
        await using MemcachedServer server = await MemcachedServer.StartPlainAsync();
        string address = server.Address;
        await server.KillAsync();
        await using var cache = new MemcachedCache(new MemcachedCacheOptions { Servers = [address] });

        Assert.Null(await cache.GetAsync("k", None));
        MemcachedServerUnavailableException error = await Assert.ThrowsAsync<MemcachedServerUnavailableException>(
            async () => await cache.SetAsync("k", new byte[] { 1 }, null, None));

        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.Contains("marked down", error.Message, StringComparison.Ordinal);
    }
}
