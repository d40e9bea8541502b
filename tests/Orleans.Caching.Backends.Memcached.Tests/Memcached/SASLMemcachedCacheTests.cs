using System.Text;
using Orleans.Caching.Tests.Logging;
using Orleans.Caching.Tests.Servers;

namespace Orleans.Caching.Tests.Memcached;

[Collection(SaslServerCollection.Name)]
public sealed class SASLMemcachedCacheTests(SaslServerFixture fixture)
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_wrong_password_raises_a_clear_CacheException_without_the_password_on_reads_and_writes()
    {
        const string wrong = "not-the-Pa55word-xyz";
        var log = new ListLogger();
        await using var cache = new SASLMemcachedCache(
            new SASLMemcachedCacheOptions { Servers = fixture.Addresses, Username = SaslDatabase.User, Password = wrong },
            logger: new TypedLogger<SASLMemcachedCache>(log));

        MemcachedAuthenticationException read = await Assert.ThrowsAsync<MemcachedAuthenticationException>(async () => await cache.GetAsync("k", None));
        CacheException write = await Assert.ThrowsAnyAsync<CacheException>(async () => await cache.SetAsync("k", new byte[] { 1 }, null, None));

        Assert.Contains(SaslDatabase.User, read.Message, StringComparison.Ordinal);
        Assert.Contains("authentication", read.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(wrong, read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, write.ToString(), StringComparison.Ordinal);
        Assert.All(log.Entries, e => Assert.DoesNotContain(wrong, e.Message + e.Exception, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_credentials_the_SASL_server_refuses_with_a_clear_error()
    {
        await using var cache = new SASLMemcachedCache(new SASLMemcachedCacheOptions { Servers = fixture.Addresses });

        MemcachedAuthenticationException error = await Assert.ThrowsAsync<MemcachedAuthenticationException>(
            async () => await cache.SetAsync("k", new byte[] { 1 }, null, None));

        Assert.Contains("Username", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_credentials_store_values_with_timeouts_over_thirty_days()
    {
        await using var cache = new SASLMemcachedCache(
            new SASLMemcachedCacheOptions { Servers = fixture.Addresses, Username = SaslDatabase.User, Password = SaslDatabase.Password, KeyPrefix = "sasl-ref:" });
        long timeout = (60 * 60 * 24 * 30) + 100;

        Assert.True(await cache.SetAsync("huge", Encoding.UTF8.GetBytes("foo"), timeout, None));

        CacheEntry? entry = await cache.GetEntryAsync("huge", None);
        Assert.Equal("foo", Encoding.UTF8.GetString(entry!.Value));
        Assert.InRange(entry.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(timeout - 5), TimeSpan.FromSeconds(timeout + 5));
    }
}
