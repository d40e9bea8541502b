namespace Orleans.Caching.Tests.Contract;

public abstract partial class CacheBackendContractTests
{
    [Fact]
    public async Task A_zero_timeout_never_expires_and_a_one_second_timeout_does()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("forever", Bytes("a"), 0, None));
        Assert.True(await cache.SetAsync("brief", Bytes("b"), 1, None));
        Assert.Equal("b", Text(await cache.GetAsync("brief", None)));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("a", Text(await cache.GetAsync("forever", None)));
        Assert.True(await cache.HasAsync("forever", None));
        Assert.Null(await cache.GetAsync("brief", None));
        Assert.False(await cache.HasAsync("brief", None));
    }

    [Fact]
    public async Task A_negative_timeout_stores_a_value_that_is_already_expired()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("gone", Bytes("x"), -1, None));
        Assert.Null(await cache.GetAsync("gone", None));
        Assert.False(await cache.HasAsync("gone", None));
    }

    [Fact]
    public async Task A_null_timeout_uses_the_default_timeout()
    {
        ICacheBackend cache = CreateBackend(o => o.DefaultTimeout = 1);
        Assert.Equal(CacheTimeout.FromSeconds(1), cache.DefaultTimeout);
        await cache.SetAsync("default", Bytes("x"), null, None);
        await cache.SetAsync("forever", Bytes("y"), CacheTimeout.Never, None);
        Assert.True(await cache.HasAsync("default", None));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Null(await cache.GetAsync("default", None));
        Assert.Equal("y", Text(await cache.GetAsync("forever", None)));
    }

    [Fact]
    public async Task Overwriting_a_key_replaces_its_timeout()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("short"), 1, None);
        await cache.SetAsync("foo", Bytes("long"), 0, None);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("long", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Add_replaces_an_expired_value()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("old"), 1, None);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.True(await cache.AddAsync("foo", Bytes("new"), null, None));
        Assert.Equal("new", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Set_many_applies_its_timeout_to_every_key()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetManyAsync([Item("a", "1"), Item("b", "2")], 1, None);
        Assert.Equal(["1", "2"], (await cache.GetManyAsync(["a", "b"], None)).Select(Text));

        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal([null, null], await cache.GetManyAsync(["a", "b"], None));
    }

    [Fact]
    public async Task Increment_of_an_expired_counter_starts_again_from_zero()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("hits", Bytes("41"), 1, None);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(1, await cache.IncrementAsync("hits", 1, None));
    }
}
