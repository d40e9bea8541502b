using System.Text;

namespace Orleans.Caching.Tests.Contract;

/// <summary>
/// The backend contract (Flask-Caching's generic backend tests plus the promises of <see cref="ICacheBackend"/>), run against
/// every backend. Only what every backend promises is asserted here; documented differences go through the virtual hooks.
/// </summary>
public abstract partial class CacheBackendContractTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Creates the backend under test with the given options applied over the defaults. Backends created within one
    /// test share one store when <see cref="BackendsShareOneStore"/> is true.</summary>
    protected abstract ICacheBackend CreateBackend(Action<CacheBackendOptions>? configure = null);

    /// <summary>Moves the backend's clock forward; backends on real time wait for real.</summary>
    protected abstract Task AdvanceTimeAsync(TimeSpan delta);

    /// <summary>Gets a value indicating whether two backends created by one test see the same store (FileSystem: one directory; Redis: one server).</summary>
    protected virtual bool BackendsShareOneStore => false;

    /// <summary>Gets a value indicating whether deleting a missing key returns true (FileSystem, Null) rather than false (Simple, Redis).</summary>
    protected virtual bool DeleteOfMissingKeyReturnsTrue => false;

    /// <summary>Gets how many operations the concurrency tests run in parallel.</summary>
    protected virtual int ConcurrentOperations => 1000;

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);

    protected static KeyValuePair<string, ReadOnlyMemory<byte>> Item(string key, string value) => new(key, Bytes(value));

    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("hi", Bytes("hello"), null, None));
        Assert.Equal("hello", Text(await cache.GetAsync("hi", None)));
    }

    [Fact]
    public async Task Set_returns_true_and_each_key_reads_its_own_value()
    {
        ICacheBackend cache = CreateBackend();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await cache.SetAsync(i.ToString(), Bytes((i * i).ToString()), null, None));
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal((i * i).ToString(), Text(await cache.GetAsync(i.ToString(), None)));
        }
    }

    [Fact]
    public async Task Get_of_a_missing_key_returns_null()
    {
        ICacheBackend cache = CreateBackend();
        Assert.Null(await cache.GetAsync("never-set", None));
    }

    [Fact]
    public async Task Get_dict_maps_every_key_to_its_value_and_misses_to_null()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("a", Bytes("a"), null, None));
        Assert.True(await cache.SetAsync("b", Bytes("b"), null, None));

        IReadOnlyDictionary<string, byte[]?> dict = await cache.GetDictAsync(["a", "b", "missing"], None);

        Assert.Equal(3, dict.Count);
        Assert.Equal("a", Text(dict["a"]));
        Assert.Equal("b", Text(dict["b"]));
        Assert.Null(dict["missing"]);
    }

    [Fact]
    public async Task A_list_value_round_trips()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("foo", Bytes("[\"bar\"]"), null, None));
        Assert.Equal("[\"bar\"]", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Get_many_returns_values_in_key_order_with_null_for_misses()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("[\"bar\"]"), null, None);
        await cache.SetAsync("spam", Bytes("\"eggs\""), null, None);

        IReadOnlyList<byte[]?> values = await cache.GetManyAsync(["foo", "missing", "spam"], None);

        Assert.Equal(["[\"bar\"]", null, "\"eggs\""], values.Select(Text));
    }

    [Fact]
    public async Task Set_many_returns_every_key_it_stored_and_the_values_are_readable()
    {
        ICacheBackend cache = CreateBackend();

        IReadOnlyList<string> stored = await cache.SetManyAsync([Item("foo", "bar"), Item("spam", "eggs")], null, None);

        Assert.Equal(["foo", "spam"], stored);
        Assert.Equal("bar", Text(await cache.GetAsync("foo", None)));
        Assert.Equal("eggs", Text(await cache.GetAsync("spam", None)));
    }

    [Fact]
    public async Task Add_stores_a_new_key()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.AddAsync("foo", Bytes("qux"), null, None));
        Assert.Equal("qux", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Add_on_a_live_key_returns_false_and_keeps_the_old_value()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("foo", Bytes("bar"), null, None));
        Assert.False(await cache.AddAsync("foo", Bytes("qux"), null, None));
        Assert.Equal("bar", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Overwriting_a_key_replaces_its_value()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("first"), null, None);
        Assert.True(await cache.SetAsync("foo", Bytes("second"), null, None));
        Assert.Equal("second", Text(await cache.GetAsync("foo", None)));
    }

    [Fact]
    public async Task Delete_removes_an_existing_key()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("bar"), null, None);
        Assert.True(await cache.DeleteAsync("foo", None));
        Assert.Null(await cache.GetAsync("foo", None));
    }

    [Fact]
    public async Task Delete_of_a_missing_key_returns_the_documented_result()
    {
        ICacheBackend cache = CreateBackend();
        Assert.Equal(DeleteOfMissingKeyReturnsTrue, await cache.DeleteAsync("never-set", None));
    }

    [Fact]
    public async Task Delete_many_removes_every_key_and_counts_missing_ones_as_deleted()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("foo", Bytes("bar"), null, None);
        await cache.SetAsync("spam", Bytes("eggs"), null, None);

        IReadOnlyList<string> deleted = await cache.DeleteManyAsync(["foo", "spam", "never-set"], None);

        Assert.Equal(["foo", "spam", "never-set"], deleted);
        Assert.Null(await cache.GetAsync("foo", None));
        Assert.Null(await cache.GetAsync("spam", None));
    }

    [Fact]
    public async Task Has_is_false_for_an_unknown_key_true_after_set_and_false_after_delete()
    {
        ICacheBackend cache = CreateBackend();
        Assert.False(await cache.HasAsync("foo", None));
        await cache.SetAsync("foo", Bytes("bar"), null, None);
        Assert.True(await cache.HasAsync("foo", None));
        await cache.DeleteAsync("foo", None);
        Assert.False(await cache.HasAsync("foo", None));
    }

    [Fact]
    public async Task Clear_removes_every_key()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetManyAsync([Item("a", "1"), Item("b", "2"), Item("c", "3")], null, None);

        Assert.True(await cache.ClearAsync(None));

        Assert.Equal([null, null, null], await cache.GetManyAsync(["a", "b", "c"], None));
        Assert.False(await cache.HasAsync("a", None));
        Assert.True(await cache.SetAsync("a", Bytes("again"), null, None));
        Assert.Equal("again", Text(await cache.GetAsync("a", None)));
    }

    [Fact]
    public async Task Json_booleans_round_trip()
    {
        ICacheBackend cache = CreateBackend();
        await cache.SetAsync("t", Bytes("true"), null, None);
        await cache.SetAsync("f", Bytes("false"), null, None);
        Assert.Equal("true", Text(await cache.GetAsync("t", None)));
        Assert.Equal("false", Text(await cache.GetAsync("f", None)));
    }

    [Fact]
    public async Task Every_byte_value_round_trips()
    {
        ICacheBackend cache = CreateBackend();
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();
        Assert.True(await cache.SetAsync("bytes", all, null, None));
        Assert.Equal(all, await cache.GetAsync("bytes", None));
    }

    [Fact]
    public async Task An_empty_value_reads_back_empty_not_null()
    {
        ICacheBackend cache = CreateBackend();
        Assert.True(await cache.SetAsync("empty", ReadOnlyMemory<byte>.Empty, null, None));
        byte[]? value = await cache.GetAsync("empty", None);
        Assert.NotNull(value);
        Assert.Empty(value);
        Assert.True(await cache.HasAsync("empty", None));
    }

    [Fact]
    public async Task A_one_mebibyte_value_round_trips()
    {
        ICacheBackend cache = CreateBackend();
        byte[] big = new byte[1024 * 1024];
        new Random(42).NextBytes(big);
        Assert.True(await cache.SetAsync("big", big, null, None));
        Assert.Equal(big, await cache.GetAsync("big", None));
    }

    [Fact]
    public async Task The_stored_value_does_not_change_when_the_caller_reuses_its_buffer()
    {
        ICacheBackend cache = CreateBackend();
        byte[] buffer = Bytes("original");
        await cache.SetAsync("foo", buffer, null, None);
        buffer[0] = (byte)'X';
        Assert.Equal("original", Text(await cache.GetAsync("foo", None)));
    }
}
