namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeConcurrencyTests
{
    [Fact]
    public async Task Parallel_calls_return_consistent_values_and_the_cache_settles_on_one_entry()
    {
        var h = new MemoizeHarness();
        int runs = 0;
        var square = h.Cache.Memoize<Func<int, Task<int>>>(async x =>
        {
            Interlocked.Increment(ref runs);
            await Task.Yield();
            return x * x;
        });

        int[] results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => square.Invoke(12))));

        Assert.All(results, r => Assert.Equal(144, r));
        Assert.InRange(runs, 1, 100);
        int settled = runs;
        Assert.Equal(144, await square.Invoke(12));
        Assert.Equal(settled, runs);
    }

    [Fact]
    public async Task Parallel_calls_of_different_instances_and_arguments_do_not_mix_up_results()
    {
        var h = new MemoizeHarness();
        var multiply = h.Cache.Memoize<Func<NamedAdder, int, Task<int>>>(async (self, x) =>
        {
            await Task.Yield();
            return self.Initial * 1000 + x;
        });
        var adders = Enumerable.Range(1, 5).Select(i => new NamedAdder(i)).ToArray();

        var calls = Enumerable.Range(0, 200).Select(i => (Adder: adders[i % 5], X: i % 7)).ToArray();
        int[] results = await Task.WhenAll(calls.Select(c => Task.Run(() => multiply.Invoke(c.Adder, c.X))));

        for (int i = 0; i < calls.Length; i++)
        {
            Assert.Equal(calls[i].Adder.Initial * 1000 + calls[i].X, results[i]);
        }
    }
}
