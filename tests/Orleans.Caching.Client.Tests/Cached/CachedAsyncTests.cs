using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

public sealed class CachedAsyncTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Cache _cache;
    private int _calls;

    public CachedAsyncTests() => _cache = CachedTestCaches.Create(_clock);

    [Fact]
    public async Task Task_function_is_awaited_before_caching()
    {
        CachedFunction<Func<Task<string>>> view = _cache.Cached<Func<Task<string>>>(async () =>
        {
            await Task.Yield();
            return "body" + ++_calls;
        }, new CachedOptions { Timeout = 2 });

        Assert.Equal("body1", await view.Invoke());
        _clock.Advance(1);
        Assert.Equal("body1", await view.Invoke());
        _clock.Advance(1);
        Assert.Equal("body2", await view.Invoke());
    }

    [Fact]
    public async Task ValueTask_function_is_cached()
    {
        CachedFunction<Func<int, ValueTask<int>>> square = _cache.Cached<Func<int, ValueTask<int>>>(async x =>
        {
            await Task.Yield();
            _calls++;
            return x * x;
        }, new CachedOptions { KeyPrefix = "square" });

        Assert.Equal(9, await square.Invoke(3));
        Assert.Equal(9, await square.Invoke(3));
        Assert.Equal(1, _calls);
        Assert.Equal(9, await _cache.GetAsync<int>("square"));
    }

    [Fact]
    public async Task Async_sequence_of_strings_is_joined_and_replayed()
    {
        CachedFunction<Func<IAsyncEnumerable<string>>> page = _cache.Cached<Func<IAsyncEnumerable<string>>>(Paragraph, new CachedOptions { KeyPrefix = "page" });

        Assert.Equal(["<p>hello</p>"], await ToListAsync(page.Invoke()));
        Assert.Equal(["<p>hello</p>"], await ToListAsync(page.Invoke()));
        Assert.Equal(1, _calls);
        Assert.Equal("<p>hello</p>", await _cache.GetAsync<string>("page"));
    }

    [Fact]
    public async Task Async_sequence_runs_when_enumerated()
    {
        CachedFunction<Func<IAsyncEnumerable<string>>> page = _cache.Cached<Func<IAsyncEnumerable<string>>>(Paragraph, new CachedOptions { KeyPrefix = "page" });

        IAsyncEnumerable<string> pending = page.Invoke();
        Assert.False(await _cache.HasAsync("page"));

        await ToListAsync(pending);
        Assert.True(await _cache.HasAsync("page"));
    }

    [Fact]
    public async Task A_cancellation_token_parameter_reaches_the_cache_calls()
    {
        CancellationToken seen = default;
        CachedFunction<Func<int, CancellationToken, Task<int>>> function = _cache.Cached<Func<int, CancellationToken, Task<int>>>(
            (x, _) => Task.FromResult(x + ++_calls),
            new CachedOptions
            {
                Unless = invocation =>
                {
                    seen = invocation.CancellationToken;
                    return false;
                },
            });
        using var source = new CancellationTokenSource();

        Assert.Equal(2, await function.Invoke(1, source.Token));
        Assert.Equal(source.Token, seen);

        await source.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => function.Invoke(1, source.Token));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task An_async_function_that_throws_is_not_cached()
    {
        CachedFunction<Func<Task<int>>> function = _cache.Cached<Func<Task<int>>>(async () =>
        {
            await Task.Yield();
            if (++_calls == 1)
            {
                throw new InvalidOperationException("boom");
            }

            return _calls;
        });

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => function.Invoke());
        Assert.Equal("boom", error.Message);
        Assert.Equal(2, await function.Invoke());
        Assert.Equal(2, await function.Invoke());
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (T item in source)
        {
            items.Add(item);
        }

        return items;
    }

    private async IAsyncEnumerable<string> Paragraph()
    {
        _calls++;
        yield return "<p>";
        await Task.Yield();
        yield return "hello";
        yield return "</p>";
    }
}
