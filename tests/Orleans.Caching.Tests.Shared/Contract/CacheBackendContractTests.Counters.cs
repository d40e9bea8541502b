namespace Orleans.Caching.Tests.Contract;

public abstract partial class CacheBackendContractTests
{
    [Fact]
    public async Task Increment_and_decrement_of_an_existing_counter_return_and_store_the_new_value()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("foo", Bytes("1"), null, None));

        Assert.Equal(2, await cache.IncrementAsync("foo", 1, None));
        Assert.Equal("2", Text(await cache.GetAsync("foo", None)));
        Assert.Equal(1, await cache.IncrementAsync("foo", -1, None));
        Assert.Equal("1", Text(await cache.GetAsync("foo", None)));
        Assert.True(await cache.DeleteAsync("foo", None));
    }

    [Fact]
    public async Task Increment_of_a_missing_key_counts_from_zero()
    {
        ICacheBackend cache = CreateBackend();
        Assert.Equal(1, await cache.IncrementAsync("up", 1, None));
        Assert.Equal(-1, await cache.IncrementAsync("down", -1, None));
        Assert.Equal("1", Text(await cache.GetAsync("up", None)));
        Assert.Equal("-1", Text(await cache.GetAsync("down", None)));
    }

    [Fact]
    public async Task Increment_adds_any_delta()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("n", Bytes("10"), null, None);
        Assert.Equal(15, await cache.IncrementAsync("n", 5, None));
        Assert.Equal(-85, await cache.IncrementAsync("n", -100, None));
        Assert.Equal("-85", Text(await cache.GetAsync("n", None)));
    }

    [Fact]
    public async Task Increment_of_a_non_integer_value_throws_CacheException_and_keeps_the_value()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("word", Bytes("\"spam\""), null, None);

        await Assert.ThrowsAnyAsync<CacheException>(async () => await cache.IncrementAsync("word", 1, None));

        Assert.Equal("\"spam\"", Text(await cache.GetAsync("word", None)));
    }

    [Fact]
    public async Task Parallel_increments_of_one_key_count_every_one()
    {
        ICacheBackend cache = CreateBackend();
        int n = ConcurrentOperations;

        long?[] results = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(async () => await cache.IncrementAsync("counter", 1, None))));

        Assert.Equal(n.ToString(), Text(await cache.GetAsync("counter", None)));
        Assert.Equal(Enumerable.Range(1, n).Select(i => (long?)i), results.Order());
    }

    [Fact]
    public async Task Parallel_writes_of_distinct_keys_are_all_readable()
    {
        ICacheBackend cache = CreateBackend();
        int n = Math.Min(ConcurrentOperations, 200);

        bool[] stored = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(async () => await cache.SetAsync($"k{i}", Bytes($"v{i}"), null, None))));

        Assert.All(stored, Assert.True);
        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(Enumerable.Range(0, n).Select(i => $"k{i}").ToList(), None);
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"v{i}"), values.Select(Text));
    }

    [Fact]
    public async Task Parallel_adds_of_one_key_let_exactly_one_win()
    {
        ICacheBackend cache = CreateBackend();
        int n = Math.Min(ConcurrentOperations, 100);

        bool[] added = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(async () => await cache.AddAsync("lock", Bytes($"owner{i}"), null, None))));

        int winner = Assert.Single(Enumerable.Range(0, n), i => added[i]);
        Assert.Equal($"owner{winner}", Text(await cache.GetAsync("lock", None)));
    }
}
