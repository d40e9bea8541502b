namespace Orleans.Caching.Tests.Contract;

public abstract partial class CacheBackendContractTests
{
    public static TheoryData<string> SingleKeyOperations => ["get", "set", "add", "delete", "has", "increment", "get_many", "get_dict", "set_many", "delete_many"];

    [Theory]
    [MemberData(nameof(SingleKeyOperations))]
    public async Task A_null_key_throws_ArgumentNullException(string operation)
    {
        ICacheBackend cache = CreateBackend();
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await RunAsync(cache, operation, null!, Bytes("v"), None));
    }

    [Theory]
    [MemberData(nameof(SingleKeyOperations))]
    public async Task An_empty_key_throws_ArgumentException(string operation)
    {
        ICacheBackend cache = CreateBackend();
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(async () => await RunAsync(cache, operation, string.Empty, Bytes("v"), None));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SingleKeyOperations))]
    public async Task A_key_over_the_size_limit_throws_ArgumentException_naming_the_limit(string operation)
    {
        ICacheBackend cache = CreateBackend(o => o.MaxKeyBytes = 16);
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(async () => await RunAsync(cache, operation, new string('k', 17), Bytes("v"), None));
        Assert.Contains("16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_at_the_size_limit_is_accepted_counting_utf8_bytes()
    {
        ICacheBackend cache = CreateBackend(o => o.MaxKeyBytes = 16);
        string atLimit = new string('é', 8); // 16 UTF-8 bytes
        Assert.True(await cache.SetAsync(atLimit, Bytes("v"), null, None));
        Assert.Equal("v", Text(await cache.GetAsync(atLimit, None)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await cache.SetAsync(atLimit + "x", Bytes("v"), null, None));
    }

    [Fact]
    public async Task Keys_with_unicode_spaces_and_separators_are_distinct_and_round_trip()
    {
        ICacheBackend cache = CreateBackend();
        string[] keys = ["ключ", "key with spaces", "view//works?a=1&b=2", "🔑", "KEY", "key"];
        foreach (string key in keys)
        {
            Assert.True(await cache.SetAsync(key, Bytes("value of " + key), null, None));
        }

        foreach (string key in keys)
        {
            Assert.Equal("value of " + key, Text(await cache.GetAsync(key, None)));
        }
    }

    [Fact]
    public async Task An_oversized_value_throws_and_the_old_value_is_kept()
    {
        ICacheBackend cache = CreateBackend(o => o.MaxValueBytes = 8);
        await cache.SetAsync("foo", Bytes("12345678"), null, None);

        CacheValueTooLargeException error = await Assert.ThrowsAsync<CacheValueTooLargeException>(
            async () => await cache.SetAsync("foo", Bytes("123456789"), null, None));
        await Assert.ThrowsAsync<CacheValueTooLargeException>(async () => await cache.AddAsync("new", Bytes("123456789"), null, None));

        Assert.Equal(9, error.Size);
        Assert.Equal(8, error.Limit);
        Assert.Equal("12345678", Text(await cache.GetAsync("foo", None)));
        Assert.False(await cache.HasAsync("new", None));
    }

    [Fact]
    public async Task Set_many_with_one_oversized_value_writes_nothing()
    {
        ICacheBackend cache = CreateBackend(o => o.MaxValueBytes = 4);

        await Assert.ThrowsAsync<CacheValueTooLargeException>(
            async () => await cache.SetManyAsync([Item("a", "1"), Item("b", "too large")], null, None));

        Assert.Null(await cache.GetAsync("a", None));
    }

    [Theory]
    [MemberData(nameof(SingleKeyOperations))]
    public async Task An_already_cancelled_token_throws_OperationCanceledException(string operation)
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("k", Bytes("1"), null, None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await RunAsync(cache, operation, "k", Bytes("2"), cancelled.Token));

        Assert.Equal("1", Text(await cache.GetAsync("k", None)));
    }

    [Fact]
    public async Task Clear_with_an_already_cancelled_token_throws_and_keeps_the_keys()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("k", Bytes("1"), null, None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cache.ClearAsync(cancelled.Token));

        Assert.True(await cache.HasAsync("k", None));
    }

    private static async Task RunAsync(ICacheBackend cache, string operation, string key, byte[] value, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "get":
                await cache.GetAsync(key, cancellationToken);
                break;
            case "set":
                await cache.SetAsync(key, value, null, cancellationToken);
                break;
            case "add":
                await cache.AddAsync(key, value, null, cancellationToken);
                break;
            case "delete":
                await cache.DeleteAsync(key, cancellationToken);
                break;
            case "has":
                await cache.HasAsync(key, cancellationToken);
                break;
            case "increment":
                await cache.IncrementAsync(key, 1, cancellationToken);
                break;
            case "get_many":
                await cache.GetManyAsync(["ok", key], cancellationToken);
                break;
            case "get_dict":
                await cache.GetDictAsync(["ok", key], cancellationToken);
                break;
            case "set_many":
                await cache.SetManyAsync([new("ok", value), new(key, value)], null, cancellationToken);
                break;
            case "delete_many":
                await cache.DeleteManyAsync(["ok", key], cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation.");
        }
    }
}
