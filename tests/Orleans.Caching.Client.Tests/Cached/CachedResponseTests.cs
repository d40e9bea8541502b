using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedResponseTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;
    private int _calls;

    public CachedResponseTests() => _cache = CachedTestCaches.Create(_clock);

    [Fact]
    public void Construction_keeps_the_value_and_the_timeout()
    {
        var response = new CachedResponse<string>("hi", 10);

        Assert.Equal("hi", response.Value);
        Assert.Equal("hi", ((CachedResponse)response).Value);
        Assert.Equal(CacheTimeout.FromSeconds(10), response.Timeout);
        Assert.Equal(CacheTimeout.FromSeconds(10), response.EffectiveTimeout);
        Assert.Null(CachedResponse.Create("x", 0).EffectiveTimeout);
    }

    [Fact]
    public void Response_timeout_overrides_the_function_timeout()
    {
        CachedFunction<Func<CachedResponse<string>>> view = _cache.Cached<Func<CachedResponse<string>>>(
            () => CachedResponse.Create("body" + ++_calls, 2), new CachedOptions { Timeout = 1 });

        Assert.Equal("body1", view.Invoke().Value);
        _clock.Advance(1);
        Assert.Equal("body1", view.Invoke().Value);
        _clock.Advance(1);
        Assert.Equal("body2", view.Invoke().Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void A_response_timeout_of_zero_or_none_falls_back_to_the_function_timeout(int? seconds)
    {
        CacheTimeout? timeout = seconds is { } s ? CacheTimeout.FromSeconds(s) : null;
        CachedFunction<Func<CachedResponse<string>>> view = _cache.Cached<Func<CachedResponse<string>>>(
            () => new CachedResponse<string>("body" + ++_calls, timeout), new CachedOptions { Timeout = 1 });

        Assert.Equal("body1", view.Invoke().Value);
        _clock.Advance(1);
        Assert.Equal("body2", view.Invoke().Value);
    }

    [Fact]
    public void A_hit_returns_a_new_response_around_the_stored_value()
    {
        var returned = new CachedResponse<int[]>([1, 2, 3], 30);
        CachedFunction<Func<CachedResponse<int[]>>> view = _cache.Cached<Func<CachedResponse<int[]>>>(() => returned);

        Assert.Same(returned, view.Invoke());
        CachedResponse<int[]> hit = view.Invoke();

        Assert.NotSame(returned, hit);
        Assert.Equal([1, 2, 3], hit.Value);
        Assert.Null(hit.Timeout);
    }

    [Fact]
    public async Task Only_the_value_of_a_response_is_stored()
    {
        CachedFunction<Func<CachedResponse<string>>> view = _cache.Cached<Func<CachedResponse<string>>>(
            () => CachedResponse.Create("body", 30), new CachedOptions { KeyPrefix = "r" });

        view.Invoke();

        Assert.Equal("body", await _cache.GetAsync<string>("r"));
    }

    [Fact]
    public async Task Untyped_responses_come_back_with_natural_values()
    {
        CachedFunction<Func<Task<CachedResponse>>> view = _cache.Cached<Func<Task<CachedResponse>>>(
            () => Task.FromResult(new CachedResponse("body" + ++_calls, 5)));

        Assert.Equal("body1", (await view.Invoke()).Value);
        _clock.Advance(4);
        Assert.Equal("body1", (await view.Invoke()).Value);
        _clock.Advance(1);
        Assert.Equal("body2", (await view.Invoke()).Value);
    }

    [Fact]
    public void Response_filter_sees_the_response()
    {
        var seen = new List<object?>();
        CachedFunction<Func<CachedResponse<string>>> view = _cache.Cached<Func<CachedResponse<string>>>(
            () => CachedResponse.Create("body" + ++_calls, 30),
            new CachedOptions
            {
                ResponseFilter = response =>
                {
                    seen.Add(response);
                    return false;
                },
            });

        view.Invoke();
        view.Invoke();

        Assert.Equal(2, _calls);
        Assert.All(seen, response => Assert.IsType<CachedResponse<string>>(response));
    }
}
