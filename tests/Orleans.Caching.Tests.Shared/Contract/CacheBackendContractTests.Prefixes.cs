namespace Orleans.Caching.Tests.Contract;

public abstract partial class CacheBackendContractTests
{
    [Fact]
    public async Task Backends_with_different_prefixes_do_not_see_each_others_keys()
    {
        ICacheBackend first = CreateBackend(o => o.KeyPrefix = "first:");
        ICacheBackend second = CreateBackend(o => o.KeyPrefix = "second:");

        await first.SetAsync("shared", Bytes("one"), null, None);
        await second.SetAsync("shared", Bytes("two"), null, None);
        await first.SetAsync("only-first", Bytes("x"), null, None);

        Assert.Equal("one", Text(await first.GetAsync("shared", None)));
        Assert.Equal("two", Text(await second.GetAsync("shared", None)));
        Assert.False(await second.HasAsync("only-first", None));
        Assert.True(await first.DeleteAsync("shared", None));
        Assert.Equal("two", Text(await second.GetAsync("shared", None)));
        Assert.Equal(1, await second.IncrementAsync("only-first", 1, None));
        Assert.Equal("x", Text(await first.GetAsync("only-first", None)));
    }

    [Fact]
    public async Task Backends_with_the_same_prefix_on_a_shared_store_see_the_same_keys()
    {
        ICacheBackend writer = CreateBackend(o => o.KeyPrefix = "app:");
        ICacheBackend reader = CreateBackend(o => o.KeyPrefix = "app:");
        ICacheBackend unprefixed = CreateBackend();

        await writer.SetAsync("k", Bytes("v"), null, None);

        Assert.Equal(BackendsShareOneStore ? "v" : null, Text(await reader.GetAsync("k", None)));
        Assert.Equal(BackendsShareOneStore ? "v" : null, Text(await unprefixed.GetAsync("app:k", None)));
        Assert.Null(await unprefixed.GetAsync("k", None));
    }

    [Fact]
    public async Task A_prefix_factory_is_evaluated_on_every_operation()
    {
        string tenant = "tenant-a:";
        int calls = 0;
        ICacheBackend cache = CreateBackend(o => o.KeyPrefixFactory = () =>
        {
            Interlocked.Increment(ref calls);
            return tenant;
        });

        await cache.SetAsync("k", Bytes("a"), null, None);
        tenant = "tenant-b:";
        Assert.Null(await cache.GetAsync("k", None));
        await cache.SetAsync("k", Bytes("b"), null, None);
        tenant = "tenant-a:";

        Assert.Equal("a", Text(await cache.GetAsync("k", None)));
        Assert.True(calls >= 4);
    }

    [Fact]
    public async Task A_prefix_factory_overrides_the_fixed_prefix()
    {
        ICacheBackend viaFactory = CreateBackend(o =>
        {
            o.KeyPrefix = "fixed:";
            o.KeyPrefixFactory = () => "dynamic:";
        });
        ICacheBackend viaFixed = CreateBackend(o => o.KeyPrefix = "dynamic:");

        await viaFactory.SetAsync("k", Bytes("v"), null, None);

        Assert.Equal("v", Text(await viaFactory.GetAsync("k", None)));
        Assert.Equal(BackendsShareOneStore ? "v" : null, Text(await viaFixed.GetAsync("k", None)));
    }

    [Fact]
    public async Task Multi_key_operations_return_the_callers_keys_without_the_prefix()
    {
        ICacheBackend cache = CreateBackend(o => o.KeyPrefix = "p:");

        IReadOnlyList<string> stored = await cache.SetManyAsync([Item("a", "1"), Item("b", "2")], null, None);
        IReadOnlyDictionary<string, byte[]?> dict = await cache.GetDictAsync(["a", "b"], None);
        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(["a", "b"], None);

        Assert.Equal(["a", "b"], stored);
        Assert.Equal(["a", "b"], dict.Keys.Order());
        Assert.Equal(["a", "b"], deleted);
    }
}
