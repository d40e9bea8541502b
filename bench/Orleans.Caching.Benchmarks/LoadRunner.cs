using System.Diagnostics;

namespace Orleans.Caching.Benchmarks;

/// <summary>
/// Runs one operation from N concurrent workers (each awaits its operation, then starts the next: a closed loop) for a fixed time and
/// reports throughput and latency percentiles. Latencies go to a per-worker <see cref="LatencyHistogram"/>, so recording allocates nothing.
/// </summary>
internal static class LoadRunner
{
    private static readonly TimeSpan s_warmup = TimeSpan.FromMilliseconds(500);

    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation)
    {
        // Warm up: connections, JIT, activations, the thread pool's size.
        await RunWorkersAsync(concurrency, s_warmup, operation).ConfigureAwait(false);
        (long operations, LatencyHistogram latencies, TimeSpan elapsed) = await RunWorkersAsync(concurrency, duration, operation).ConfigureAwait(false);
        return new LoadResult(name, concurrency, operations / elapsed.TotalSeconds, latencies.PercentileMicroseconds(0.50), latencies.PercentileMicroseconds(0.99));
    }

    private static async Task<(long Operations, LatencyHistogram Latencies, TimeSpan Elapsed)> RunWorkersAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation)
    {
        var histograms = new LatencyHistogram[concurrency];
        var workers = new Task<long>[concurrency];
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (int w = 0; w < concurrency; w++)
        {
            int worker = w;
            var mine = new LatencyHistogram();
            histograms[w] = mine;
            workers[w] = Task.Run(async () =>
            {
                long count = 0;
                while (true)
                {
                    long before = Stopwatch.GetTimestamp();
                    if (before >= end)
                    {
                        return count;
                    }

                    await operation(worker, count).ConfigureAwait(false);
                    mine.Record(Stopwatch.GetTimestamp() - before);
                    count++;
                }
            });
        }

        long[] counts = await Task.WhenAll(workers).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long total = 0;
        var all = new LatencyHistogram();
        for (int w = 0; w < concurrency; w++)
        {
            total += counts[w];
            all.Add(histograms[w]);
        }

        return (total, all, elapsed);
    }
}

/// <summary>One load run's numbers.</summary>
internal sealed record LoadResult(string Name, int Concurrency, double OperationsPerSecond, double P50Microseconds, double P99Microseconds);
