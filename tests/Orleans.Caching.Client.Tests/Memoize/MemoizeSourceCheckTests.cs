namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeSourceCheckTests
{
    private static int s_seed;

    // BodyA1 and BodyA2 have the same body (the same IL); BodyB differs.
    private static string BodyA1(int a) => a + ":" + Interlocked.Increment(ref s_seed);

    private static string BodyA2(int a) => a + ":" + Interlocked.Increment(ref s_seed);

    private static string BodyB(int a) => a + "/" + Interlocked.Increment(ref s_seed);

    private static MemoizeOptions Named(bool? sourceCheck = null) => new() { Name = "big_foo", SourceCheck = sourceCheck };

    [Fact]
    public void With_source_check_an_identical_body_reuses_the_entry_and_a_changed_body_does_not()
    {
        var h = new MemoizeHarness();
        string first = h.Cache.Memoize<Func<int, string>>(BodyA1, Named(true)).Invoke(5);
        Assert.Equal(first, h.Cache.Memoize<Func<int, string>>(BodyA1, Named(true)).Invoke(5));
        Assert.NotEqual(first, h.Cache.Memoize<Func<int, string>>(BodyB, Named(true)).Invoke(5));
        Assert.Equal(first, h.Cache.Memoize<Func<int, string>>(BodyA2, Named(true)).Invoke(5));
    }

    [Fact]
    public void Without_source_check_a_changed_body_reuses_the_entry()
    {
        var h = new MemoizeHarness();
        string first = h.Cache.Memoize<Func<int, string>>(BodyA1, Named(false)).Invoke(5);
        Assert.Equal(first, h.Cache.Memoize<Func<int, string>>(BodyB, Named(false)).Invoke(5));
    }

    [Fact]
    public async Task The_configured_source_check_applies_when_the_options_say_nothing()
    {
        var on = new MemoizeHarness(new CacheOptions { SourceCheck = true });
        string first = on.Cache.Memoize<Func<int, string>>(BodyA1, Named()).Invoke(5);
        Assert.NotEqual(first, on.Cache.Memoize<Func<int, string>>(BodyB, Named()).Invoke(5));

        var off = new MemoizeHarness();
        var checkedKey = await on.Cache.Memoize<Func<int, string>>(BodyA1, Named()).MakeCacheKeyAsync(5);
        var plainKey = await off.Cache.Memoize<Func<int, string>>(BodyA1, Named()).MakeCacheKeyAsync(5);
        Assert.NotEqual(checkedKey[..16], plainKey[..16]);
    }

    [Fact]
    public async Task Delete_with_arguments_finds_the_entry_with_configured_source_check()
    {
        var h = new MemoizeHarness(new CacheOptions { SourceCheck = true });
        var f = h.Cache.Memoize<Func<int, string>>(BodyA1);
        string first = f.Invoke(5);
        await h.Cache.DeleteMemoizedAsync(f, 5);
        Assert.NotEqual(first, f.Invoke(5));
    }
}
