using System.Text;

namespace Orleans.Caching.Tests.Contract;

/// <summary>The backend contract (Flask-Caching's generic backend tests), run against every <see cref="ICacheBackend"/>.</summary>
public abstract class CacheBackendContractTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Creates the backend under test with the given options applied over the defaults.</summary>
    protected abstract ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null);

    /// <summary>Moves the backend's clock forward; backends on real time wait for real.</summary>
    protected abstract Task AdvanceTimeAsync(TimeSpan delta);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);

    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("hi", Bytes("hello"), null, None));
        Assert.Equal("hello", Text(await cache.GetAsync("hi", None)));
    }
}
