using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Local;

public sealed class LocalConcurrencyTests : IAsyncLifetime
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);
    private readonly LocalCacheHost _host = new();

    [Fact]
    public async Task A_thousand_concurrent_increments_count_exactly_a_thousand()
    {
        Cache cache = _host.Cache;

        long?[] results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () => await cache.IncAsync("hits"))));

        Assert.Equal(1000, await cache.GetAsync<long>("hits"));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long?)i), results.Order());
    }

    [Fact]
    public async Task A_hundred_concurrent_calls_on_a_cold_key_run_the_function_once()
    {
        const int callers = 100;
        int runs = 0;
        int entered = 0;
        var everyoneEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        MemoizedFunction<Func<int, Task<int>>> slow = _host.Cache.Memoize<Func<int, Task<int>>>(
            async x =>
            {
                Interlocked.Increment(ref runs);
                await everyoneEntered.Task;   // every caller is inside Invoke before the value exists
                return x * 2;
            },
            new MemoizeOptions { Name = "slow_double" });

        Task<int>[] calls = Enumerable.Range(0, callers).Select(_ => Task.Run(() =>
        {
            if (Interlocked.Increment(ref entered) == callers)
            {
                everyoneEntered.SetResult();
            }

            return slow.Invoke(21);
        })).ToArray();
        int[] results = await Task.WhenAll(calls).WaitAsync(s_guard);

        Assert.All(results, r => Assert.Equal(42, r));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_leaseholder_that_throws_releases_the_waiters_and_one_of_them_computes()
    {
        int runs = 0;
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        MemoizedFunction<Func<int, Task<int>>> flaky = _host.Cache.Memoize<Func<int, Task<int>>>(
            async x =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    firstStarted.SetResult();
                    await failFirst.Task;
                    throw new InvalidOperationException("the first computation fails");
                }

                return x * 3;
            },
            new MemoizeOptions { Name = "flaky_triple" });

        Task<int> leaseholder = Task.Run(() => flaky.Invoke(5));
        await firstStarted.Task.WaitAsync(s_guard);
        Task<int>[] waiters = Enumerable.Range(0, 10).Select(_ => Task.Run(() => flaky.Invoke(5))).ToArray();
        failFirst.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => leaseholder.WaitAsync(s_guard));
        int[] results = await Task.WhenAll(waiters).WaitAsync(s_guard);   // the lease (30 s of a clock that does not move) was released

        Assert.Equal("the first computation fails", error.Message);
        Assert.All(results, r => Assert.Equal(15, r));
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_result_the_response_filter_rejects_releases_the_lease_for_the_next_caller()
    {
        int runs = 0;
        MemoizedFunction<Func<int, int>> counted = _host.Cache.Memoize<Func<int, int>>(
            x => Interlocked.Increment(ref runs),
            new MemoizeOptions { Name = "filtered", ResponseFilter = result => (int)result! > 1 });

        Assert.Equal(1, await Task.Run(() => counted.Invoke(1)).WaitAsync(s_guard));   // not stored: lease released
        Assert.Equal(2, await Task.Run(() => counted.Invoke(1)).WaitAsync(s_guard));   // a new lease; stored
        Assert.Equal(2, counted.Invoke(1));
        Assert.Equal(2, runs);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
